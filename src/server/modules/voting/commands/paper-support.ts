import type { FieldIssue } from '../../../../contracts/errors.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Db } from '../../../platform/db.ts';
import type { BallotContent } from '../domain/export-record.ts';
import { subjectRow } from '../repo/electorate.ts';
import type { QuestionRow } from '../repo/votes.ts';
import { checkContent, placeNewBallot } from './place-ballot.ts';
import { invalid, type VoteRow } from './support.ts';

// What entering, comparing and accepting a paper ballot sheet share.

export interface PaperAnswer {
  questionId: string;
  content: BallotContent;
}

export interface PaperReading {
  answers: PaperAnswer[];
  scanRef: string;
}

/** Checks a sheet's answers against the questions and puts them in one canonical order for comparing. */
export function readSheet(
  questions: QuestionRow[],
  given: { answers: { questionId: string; choice?: string; marks?: string[] }[]; scanRef: string },
): PaperReading {
  const issues: FieldIssue[] = [];
  const answers: PaperAnswer[] = [];
  const seen = new Set<string>();
  given.answers.forEach((answer, i) => {
    const question = questions.find((q) => q.id === answer.questionId);
    if (!question) return void issues.push({ path: `answers.${i}.questionId`, message: 'is not a question of this vote' });
    if (seen.has(question.id)) return void issues.push({ path: `answers.${i}.questionId`, message: 'is answered twice on one sheet' });
    seen.add(question.id);
    const { content, issues: found } = checkContent(question, answer, `answers.${i}.`);
    if (content) answers.push({ questionId: question.id, content });
    issues.push(...found);
  });
  if (issues.length) throw invalid(issues);
  const position = new Map(questions.map((q) => [q.id, q.position]));
  answers.sort((a, b) => position.get(a.questionId)! - position.get(b.questionId)!);
  return { answers, scanRef: given.scanRef.trim() };
}

/** Which fields two readings disagree on: "scanRef" and "answers.<questionId>", never the choices themselves. */
export function differences(a: PaperReading, b: PaperReading): string[] {
  const diff: string[] = [];
  if (a.scanRef !== b.scanRef) diff.push('scanRef');
  const ids = [...new Set([...a.answers, ...b.answers].map((x) => x.questionId))];
  for (const id of ids) {
    const left = a.answers.find((x) => x.questionId === id);
    const right = b.answers.find((x) => x.questionId === id);
    if (JSON.stringify(left?.content) !== JSON.stringify(right?.content)) diff.push(`answers.${id}`);
  }
  return diff;
}

/**
 * Records the ballots of an agreed sheet, one per answered question, in the name of the
 * subject's voter (the named voter, or the first co-owner). A paper ballot is the owner's own, so
 * it replaces a proxy's. A question the subject already answered in person (online or on another
 * sheet) keeps that first ballot; the sheet's answer to it is skipped and reported.
 */
export async function acceptSheet(tx: Db, vote: VoteRow, subjectKey: string, reading: PaperReading, castBy: string, now: Date) {
  const subject = await subjectRow(tx, vote, subjectKey);
  if (!subject) throw invalid([{ path: 'unitId', message: 'the unit no longer maps to a voting subject' }]);
  const receipts: { questionId: string; code: string; leaf: string }[] = [];
  const skipped: string[] = [];
  for (const answer of reading.answers) {
    try {
      const placed = await placeNewBallot(tx, vote, {
        questionId: answer.questionId,
        subjectKey,
        voterPersonId: subject.representatives[0],
        channel: 'paper',
        content: answer.content,
        proxyId: null,
        castBy,
        inPerson: true,
      }, now);
      receipts.push({ questionId: answer.questionId, ...placed.receipt });
    } catch (error) {
      // placeNewBallot refuses before writing anything, so the transaction stays usable
      if (error instanceof AppError && (error.details as { reason?: string })?.reason === 'ballot_exists') skipped.push(answer.questionId);
      else throw error;
    }
  }
  return { receipts, skipped };
}
