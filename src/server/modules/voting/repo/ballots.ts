import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { voteBallots, votePaperBallots, voteReceipts } from '../voting.tables.ts';

// Reads of ballots. None of these selects `content`: no choice leaves the database before the
// count except through the count itself (count-vote.ts) and the published record.

export async function ballotStatusOf(db: Db, vote: { id: string; communityId: string }, subjectKeys: string[]) {
  if (!subjectKeys.length) return [];
  return db
    .select({ questionId: voteBallots.questionId, subjectKey: voteBallots.subjectKey, channel: voteBallots.channel, castAt: voteBallots.castAt, changes: voteBallots.changes })
    .from(voteBallots)
    .where(and(eq(voteBallots.communityId, vote.communityId), eq(voteBallots.voteId, vote.id), inArray(voteBallots.subjectKey, subjectKeys)));
}

/** Which subjects have a ballot on each question (participation only). */
export async function participation(db: Db, vote: { id: string; communityId: string }) {
  return db
    .select({ questionId: voteBallots.questionId, subjectKey: voteBallots.subjectKey })
    .from(voteBallots)
    .where(and(eq(voteBallots.communityId, vote.communityId), eq(voteBallots.voteId, vote.id)));
}

/** How many ballots the vote holds, over all questions. */
export async function ballotCount(db: Db, vote: { id: string; communityId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(voteBallots)
    .where(and(eq(voteBallots.communityId, vote.communityId), eq(voteBallots.voteId, vote.id)));
  return Number(row?.n ?? 0);
}

/** The receipt leaves of the current ballots, in the tree's order (the tree sorts again, which costs nothing on sorted input). */
export async function currentLeaves(db: Db, vote: { id: string; communityId: string }): Promise<string[]> {
  const rows = await db
    .select({ leaf: voteBallots.receiptLeaf })
    .from(voteBallots)
    .where(and(eq(voteBallots.communityId, vote.communityId), eq(voteBallots.voteId, vote.id)))
    .orderBy(sql`${voteBallots.receiptLeaf} collate "C"`);
  return rows.map((r) => r.leaf);
}

export async function findReceipt(db: Db, vote: { id: string; communityId: string }, leaf: string) {
  const [row] = await db
    .select()
    .from(voteReceipts)
    .where(and(eq(voteReceipts.communityId, vote.communityId), eq(voteReceipts.voteId, vote.id), eq(voteReceipts.leaf, leaf)));
  return row ?? null;
}

export async function paperCounts(db: Db, vote: { id: string; communityId: string }) {
  const rows = await db
    .select({ status: votePaperBallots.status, n: count() })
    .from(votePaperBallots)
    .where(and(eq(votePaperBallots.communityId, vote.communityId), eq(votePaperBallots.voteId, vote.id)))
    .groupBy(votePaperBallots.status);
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { awaitingSecond: of('awaiting_second'), mismatches: of('mismatch'), accepted: of('accepted'), discarded: of('discarded') };
}
