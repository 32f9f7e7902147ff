import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { questionResultView } from '../../../contracts/voting.ts';
import type { Db } from '../../platform/db.ts';
import { conflict, type VoteRow } from './commands/support.ts';
import { notFound } from '../../platform/errors.ts';
import type { DecisionResult, ElectionResult, TallyResult } from './domain/index.ts';
import { questionsOf, type QuestionRow } from './repo/votes.ts';
import { voteResults } from './voting.tables.ts';
import { candidatesOf } from './voting.views.ts';

// The published outcome of each question: the tally core's result as counted (its subjects are
// served page by page, voting.subjects.ts), and one line in each language for a notice board.

export async function resultRows(db: Db, vote: { id: string; communityId: string }) {
  return db.select().from(voteResults).where(and(eq(voteResults.communityId, vote.communityId), eq(voteResults.voteId, vote.id)));
}

function decisionSummary(result: DecisionResult) {
  if (result.passed) return { zh: '通过', en: 'passed' };
  if (!result.participation.met) return { zh: '未通过：参与表决的业主未达到法定比例', en: 'not passed: the participation quorum was not met' };
  return { zh: '未通过：同意的业主未达到法定比例', en: 'not passed: the approval threshold was not met' };
}

function electionSummary(result: ElectionResult, question: QuestionRow) {
  const name = new Map(candidatesOf(question).map((c) => [c.id, c.name]));
  const names = (ids: string[]) => ids.map((id) => name.get(id) ?? id);
  const zh: string[] = [];
  const en: string[] = [];
  if (!result.participation.met) return { zh: '无人当选：参与表决的业主未达到法定比例', en: 'nobody elected: the participation quorum was not met' };
  zh.push(result.elected.length ? `当选：${names(result.elected).join('、')}` : '无人当选');
  en.push(result.elected.length ? `elected: ${names(result.elected).join(', ')}` : 'nobody elected');
  if (result.tie.length) {
    zh.push(`${result.tiedSeats} 个席位因 ${names(result.tie).join('、')} 票数相同须重新表决`);
    en.push(`${result.tiedSeats} seat(s) go to a re-vote: ${names(result.tie).join(', ')} are tied`);
  }
  if (result.unfilled > 0) {
    zh.push(`${result.unfilled} 个席位空缺，须补选`);
    en.push(`${result.unfilled} seat(s) unfilled: a by-election follows`);
  }
  if (result.alternates.length) {
    zh.push(`候补：${names(result.alternates).join('、')}`);
    en.push(`alternates: ${names(result.alternates).join(', ')}`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

/** In turn, not in parallel: publishedVoteForMatter (voting's index) calls this inside a caller's transaction. */
export async function questionResults(db: Db, vote: VoteRow): Promise<z.infer<typeof questionResultView>[]> {
  const questions = await questionsOf(db, vote);
  const rows = await resultRows(db, vote);
  return questions.flatMap((question) => {
    const row = rows.find((r) => r.questionId === question.id);
    if (!row) return [];
    const result = JSON.parse(row.resultJson) as TallyResult;
    return [{
      questionId: question.id,
      title: question.title,
      item: question.item,
      kind: question.kind as 'decision' | 'election',
      candidates: candidatesOf(question),
      passed: row.passed,
      summary: result.kind === 'decision' ? decisionSummary(result) : electionSummary(result, question),
      recordUrl: `/api/votes/${vote.id}/questions/${question.id}/record.json`,
      subjectsUrl: `/api/votes/${vote.id}/questions/${question.id}/subjects`,
      result,
    }];
  });
}
