import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { MatterStep } from '../../../../contracts/consultation.ts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import type { MatterRef } from '../consultation.policy.ts';
import { matterStepLog, matters } from '../consultation.tables.ts';

export type MatterRow = typeof matters.$inferSelect;

export const matterKey = (m: { communityId: string; id: string }) => and(eq(matters.communityId, m.communityId), eq(matters.id, m.id));

export async function findMatter(db: Db, id: string): Promise<MatterRow | null> {
  const [row] = await db.select().from(matters).where(eq(matters.id, id));
  return row ?? null;
}

/**
 * Locks the matter's row for the rest of the transaction. Every write that depends on the step
 * takes it, so a write and a move of the same matter run one after the other and the second
 * sees the first's result.
 */
export async function lockMatter(tx: Db, m: { communityId: string; id: string }): Promise<MatterRow> {
  const [row] = await tx.select().from(matters).where(matterKey(m)).for('update');
  if (!row) throw notFound('Matter');
  return row;
}

export const refOf = (m: MatterRow): MatterRef => ({
  id: m.id,
  communityId: m.communityId,
  compoundId: m.compoundId,
  step: m.step,
  decidingBody: m.decidingBody,
  signaturesRequired: m.signaturesRequired,
  raisedByUserId: m.raisedByUserId,
  raisedByPhone: m.raisedByPhone,
  raisedByUnitId: m.raisedByUnitId,
});

/** Closes the open stay in the step log and opens the next one. */
export async function logStep(tx: Db, m: { communityId: string; id: string }, step: MatterStep, at: Date, by: string, reason: string | null) {
  const open = and(eq(matterStepLog.communityId, m.communityId), eq(matterStepLog.matterId, m.id));
  await tx.update(matterStepLog).set({ leftAt: at }).where(and(open, isNull(matterStepLog.leftAt)));
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${matterStepLog.seq}), 0) + 1` })
    .from(matterStepLog)
    .where(open);
  await tx.insert(matterStepLog).values({ communityId: m.communityId, matterId: m.id, seq: Number(next), step, enteredAt: at, by, reason });
}

export async function stepLogOf(db: Db, m: { communityId: string; id: string }) {
  return db
    .select()
    .from(matterStepLog)
    .where(and(eq(matterStepLog.communityId, m.communityId), eq(matterStepLog.matterId, m.id)))
    .orderBy(asc(matterStepLog.seq));
}

export const newestFirst = desc(matters.raisedAt);
