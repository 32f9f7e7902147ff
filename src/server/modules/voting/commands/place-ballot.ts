import { and, eq } from 'drizzle-orm';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import type { Db } from '../../../platform/db.ts';
import type { BallotContent } from '../domain/export-record.ts';
import type { QuestionRow } from '../repo/votes.ts';
import { voteBallots } from '../voting.tables.ts';
import { candidatesOf } from '../voting.views.ts';
import { newReceipt, recordReceipt, supersedeReceipt } from './receipts.ts';
import { conflict, type VoteRow } from './support.ts';

// Writing the one current ballot of a subject on a question, for every channel. The unique index
// on (vote, question, subject) decides races: an insert that finds the slot taken does nothing,
// and the caller learns what is there under a row lock.

export interface Placement {
  questionId: string;
  subjectKey: string;
  /** whose ballot it is in the record: the representative, or the proxy's principal */
  voterPersonId: string;
  channel: 'online' | 'proxy' | 'paper';
  content: BallotContent;
  proxyId: string | null;
  castBy: string;
  /** the owner themself (online or on paper); false for a proxy holder */
  inPerson: boolean;
}

export interface Placed {
  ballot: typeof voteBallots.$inferSelect;
  overrode: 'proxy' | null;
  receipt: { code: string; leaf: string };
}

/** A choice for a decision, marks for an election: checked against the question, naming the field. */
export function checkContent(question: Pick<QuestionRow, 'kind' | 'seats' | 'candidates'>, given: { choice?: string; marks?: string[] }, path = ''): { content?: BallotContent; issues: FieldIssue[] } {
  if (question.kind === 'decision') {
    if (given.choice === undefined) return { issues: [{ path: `${path}choice`, message: 'a decision takes a choice: for, against or abstain' }] };
    return { content: { choice: given.choice as 'for' | 'against' | 'abstain' }, issues: [] };
  }
  const marks = given.marks;
  if (marks === undefined) return { issues: [{ path: `${path}marks`, message: 'an election takes marks: the ids of the candidates chosen (may be empty)' }] };
  const known = new Set(candidatesOf(question).map((c) => c.id));
  const issues: FieldIssue[] = [];
  if (marks.length > (question.seats ?? 0)) issues.push({ path: `${path}marks`, message: `${marks.length} marks, but at most ${question.seats} (the number of seats)` });
  marks.forEach((mark, i) => {
    if (!known.has(mark)) issues.push({ path: `${path}marks.${i}`, message: `"${mark}" is not a candidate` });
    else if (marks.indexOf(mark) !== i) issues.push({ path: `${path}marks.${i}`, message: `"${mark}" is marked twice` });
  });
  return issues.length ? { issues } : { content: { marks: [...marks].sort() }, issues };
}

const slot = (vote: VoteRow, p: Placement) =>
  and(eq(voteBallots.communityId, vote.communityId), eq(voteBallots.voteId, vote.id), eq(voteBallots.questionId, p.questionId), eq(voteBallots.subjectKey, p.subjectKey));

/** A new ballot; it replaces a proxy's ballot when the owner votes in person. */
export async function placeNewBallot(tx: Db, vote: VoteRow, p: Placement, now: Date): Promise<Placed> {
  const receipt = newReceipt();
  const [inserted] = await tx
    .insert(voteBallots)
    .values({
      communityId: vote.communityId, voteId: vote.id, questionId: p.questionId, subjectKey: p.subjectKey, voterPersonId: p.voterPersonId,
      channel: p.channel, content: p.content, receiptLeaf: receipt.leaf, proxyId: p.proxyId, castBy: p.castBy, castAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) {
    await recordReceipt(tx, vote, p.questionId, receipt.leaf, now);
    return { ballot: inserted, overrode: null, receipt };
  }
  const [existing] = await tx.select().from(voteBallots).where(slot(vote, p)).for('update');
  if (existing.channel === 'proxy' && p.inPerson) return replace(tx, vote, existing, p, receipt, now, { overrode: 'proxy', changes: 0 });
  if (!p.inPerson && existing.channel !== 'proxy') throw votedInPerson();
  throw conflict('ballot_exists', 'a ballot for this subject on this question is already recorded', {
    questionId: p.questionId,
    canChange: vote.allowBallotChange && existing.changes < 1,
  });
}

/** Changing the subject's ballot: once, where the vote allows it. An owner replacing a proxy's ballot is an override, not a change. */
export async function placeChangedBallot(tx: Db, vote: VoteRow, p: Placement, now: Date): Promise<Placed> {
  const [existing] = await tx.select().from(voteBallots).where(slot(vote, p)).for('update');
  if (!existing) throw conflict('no_ballot', 'there is no ballot to change; cast one first', { questionId: p.questionId });
  const receipt = newReceipt();
  if (existing.channel === 'proxy' && p.inPerson) return replace(tx, vote, existing, p, receipt, now, { overrode: 'proxy', changes: 0 });
  if (!p.inPerson && existing.channel !== 'proxy') throw votedInPerson();
  if (!vote.allowBallotChange) throw conflict('changes_not_allowed', 'this vote does not allow ballots to be changed; the first ballot is final');
  if (existing.changes >= 1) throw conflict('change_used', 'this ballot was already changed once; it is now final');
  return replace(tx, vote, existing, p, receipt, now, { overrode: null, changes: existing.changes + 1 });
}

async function replace(
  tx: Db,
  vote: VoteRow,
  existing: typeof voteBallots.$inferSelect,
  p: Placement,
  receipt: { code: string; leaf: string },
  now: Date,
  how: { overrode: 'proxy' | null; changes: number },
): Promise<Placed> {
  await supersedeReceipt(tx, vote, existing.receiptLeaf, now);
  await recordReceipt(tx, vote, p.questionId, receipt.leaf, now);
  const [ballot] = await tx
    .update(voteBallots)
    .set({
      voterPersonId: p.voterPersonId, channel: p.channel, content: p.content, receiptLeaf: receipt.leaf,
      proxyId: p.proxyId, castBy: p.castBy, castAt: now, changes: how.changes,
    })
    .where(and(eq(voteBallots.communityId, vote.communityId), eq(voteBallots.id, existing.id)))
    .returning();
  return { ballot, overrode: how.overrode, receipt };
}

const votedInPerson = () =>
  conflict('owner_voted_in_person', 'the owner has voted in person; a proxy can no longer cast or change this ballot');
