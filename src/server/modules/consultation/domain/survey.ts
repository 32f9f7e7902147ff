// A short survey: single- or multiple-choice questions, one response per household.

export interface SurveyQuestion {
  text: string;
  kind: 'single' | 'multiple';
  options: string[];
}

export interface AnswerIssue {
  path: string;
  message: string;
}

/** Problems with a household's answers, naming the question; empty when they fit the survey. */
export function answerIssues(questions: SurveyQuestion[], answers: number[][]): AnswerIssue[] {
  if (answers.length !== questions.length) {
    return [{ path: 'answers', message: `must answer each of the ${questions.length} question(s) in order, got ${answers.length}` }];
  }
  const issues: AnswerIssue[] = [];
  questions.forEach((q, i) => {
    const chosen = answers[i];
    const path = `answers[${i}]`;
    if (q.kind === 'single' && chosen.length !== 1) issues.push({ path, message: `question ${i + 1} takes exactly one option` });
    if (new Set(chosen).size !== chosen.length) issues.push({ path, message: `question ${i + 1}: an option is chosen twice` });
    const outside = chosen.find((o) => o >= q.options.length);
    if (outside !== undefined) issues.push({ path, message: `question ${i + 1} has options 0 to ${q.options.length - 1}, got ${outside}` });
  });
  return issues;
}

/** Counts per question and option. */
export function tallySurvey(questions: SurveyQuestion[], responses: number[][][]): number[][] {
  const counts = questions.map((q) => q.options.map(() => 0));
  for (const answers of responses) {
    answers.forEach((chosen, i) => chosen.forEach((o) => { if (counts[i] && o < counts[i].length) counts[i][o] += 1; }));
  }
  return counts;
}
