import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { noticeObjections, notices } from '../notices.tables.ts';

// Queries over objections; each row comes with its notice's title and the fields the policy
// needs about the notice (community, compound, issuer).

export type ObjectionRow = typeof noticeObjections.$inferSelect;
export type ObjectionListRow = ObjectionRow & {
  noticeTitle: string;
  noticeCompoundId: string | null;
  noticeIssuerKind: 'community' | 'owners_committee';
};

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

const listSelect = {
  objection: noticeObjections,
  noticeTitle: notices.title,
  noticeCompoundId: notices.compoundId,
  noticeIssuerKind: notices.issuerKind,
};

async function page(db: Db, where: SQL | undefined, p: { page: number; pageSize: number }, order: SQL[]): Promise<{ rows: ObjectionListRow[]; total: number }> {
  const join = and(eq(notices.communityId, noticeObjections.communityId), eq(notices.id, noticeObjections.noticeId));
  const [rows, [{ n }]] = await Promise.all([
    db.select(listSelect).from(noticeObjections).innerJoin(notices, join).where(where).orderBy(...order)
      .limit(p.pageSize).offset((p.page - 1) * p.pageSize),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(noticeObjections).innerJoin(notices, join).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r.objection, noticeTitle: r.noticeTitle, noticeCompoundId: r.noticeCompoundId, noticeIssuerKind: r.noticeIssuerKind })),
    total: n,
  };
}

/** The objections to one notice, oldest first. */
export function objectionsOfNotice(db: Db, n: { communityId: string; id: string }, p: { page: number; pageSize: number }) {
  return page(db, and(eq(noticeObjections.communityId, n.communityId), eq(noticeObjections.noticeId, n.id)), p, [asc(noticeObjections.raisedAt), asc(noticeObjections.id)]);
}

/** Unanswered objections of a community past their reply deadline, most overdue first; `managed` is the policy's notice filter. */
export function overdueObjections(db: Db, communityId: string, managed: SQL | undefined, now: Date, p: { page: number; pageSize: number }) {
  const where = and(
    eq(noticeObjections.communityId, communityId),
    isNull(noticeObjections.answeredAt),
    sql`${noticeObjections.replyDueAt} < ${at(now)}`,
    managed,
  );
  return page(db, where, p, [asc(noticeObjections.replyDueAt), asc(noticeObjections.id)]);
}

/** What one phone has raised, newest first. */
export function objectionsByPhone(db: Db, phone: string, p: { page: number; pageSize: number }) {
  return page(db, eq(noticeObjections.raiserPhone, phone), p, [sql`${noticeObjections.raisedAt} desc`, asc(noticeObjections.id)]);
}

export async function findObjection(db: Db, n: { communityId: string; id: string }, objectionId: string): Promise<ObjectionRow | null> {
  const [row] = await db
    .select()
    .from(noticeObjections)
    .where(and(eq(noticeObjections.communityId, n.communityId), eq(noticeObjections.noticeId, n.id), eq(noticeObjections.id, objectionId)));
  return row ?? null;
}

/** Locks one objection, so two staff answering it at once give one answer and one conflict. */
export async function lockObjection(tx: Db, o: { communityId: string; id: string }): Promise<ObjectionRow> {
  const [row] = await tx.select().from(noticeObjections).where(and(eq(noticeObjections.communityId, o.communityId), eq(noticeObjections.id, o.id))).for('update');
  if (!row) throw notFound('Objection');
  return row;
}
