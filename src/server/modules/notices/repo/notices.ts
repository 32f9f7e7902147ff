import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { NoticeListQuery } from '../../../../contracts/notices.ts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { noticeObjections, notices } from '../notices.tables.ts';

// Queries over notices; plain rows out. Times are compared with the clock's `now`, passed in,
// never the database's: tests move a ManualClock across posting periods and reply deadlines.

export type NoticeRow = typeof notices.$inferSelect;
export interface NoticeLink {
  id: string;
  title: string;
  publishedAt: Date | null;
}
export interface ObjectionCounts {
  total: number;
  open: number;
  overdue: number;
  answered: number;
}

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const ZERO: ObjectionCounts = { total: 0, open: 0, overdue: 0, answered: 0 };

export async function findNotice(db: Db, id: string): Promise<NoticeRow | null> {
  const [row] = await db.select().from(notices).where(eq(notices.id, id));
  return row ?? null;
}

/** Locks the notice row for the rest of the transaction, so publishing and correcting serialise. */
export async function lockNotice(tx: Db, ref: { communityId: string; id: string }): Promise<NoticeRow> {
  const [row] = await tx.select().from(notices).where(and(eq(notices.communityId, ref.communityId), eq(notices.id, ref.id))).for('update');
  if (!row) throw notFound('Notice');
  return row;
}

/** The published notice that corrects this one, if any (at most one: a unique index holds it). */
export async function correctionOf(db: Db, n: { communityId: string; id: string }): Promise<NoticeLink | null> {
  const [row] = await db
    .select({ id: notices.id, title: notices.title, publishedAt: notices.publishedAt })
    .from(notices)
    .where(and(eq(notices.communityId, n.communityId), eq(notices.correctsId, n.id), eq(notices.state, 'published')));
  return row ?? null;
}

export async function noticeLink(db: Db, communityId: string, id: string): Promise<NoticeLink | null> {
  const [row] = await db
    .select({ id: notices.id, title: notices.title, publishedAt: notices.publishedAt })
    .from(notices)
    .where(and(eq(notices.communityId, communityId), eq(notices.id, id)));
  return row ?? null;
}

/** Objection counts per notice of one community; notices without objections are absent (read as zero). */
export async function objectionCountsOf(db: Db, communityId: string, noticeIds: string[], now: Date): Promise<Map<string, ObjectionCounts>> {
  if (!noticeIds.length) return new Map();
  const o = noticeObjections;
  const rows = await db
    .select({
      noticeId: o.noticeId,
      total: sql<number>`count(*)`.mapWith(Number),
      open: sql<number>`count(*) filter (where ${o.answeredAt} is null)`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${o.answeredAt} is null and ${o.replyDueAt} < ${at(now)})`.mapWith(Number),
    })
    .from(o)
    .where(and(eq(o.communityId, communityId), inArray(o.noticeId, noticeIds)))
    .groupBy(o.noticeId);
  return new Map(rows.map((r) => [r.noticeId, { total: r.total, open: r.open, overdue: r.overdue, answered: r.total - r.open }]));
}

export const countsFor = (counts: Map<string, ObjectionCounts>, id: string) => counts.get(id) ?? ZERO;

/** SQL for the derived state filter: posting_ended is a published notice whose posting end has passed. */
function stateSql(state: NoticeListQuery['state'], now: Date): SQL | undefined {
  if (!state) return undefined;
  if (state === 'draft') return eq(notices.state, 'draft');
  return state === 'published'
    ? and(eq(notices.state, 'published'), sql`${notices.postingEndsAt} > ${at(now)}`)
    : and(eq(notices.state, 'published'), sql`${notices.postingEndsAt} <= ${at(now)}`);
}

const overdueExists = (now: Date) => sql`exists (
  select 1 from ${noticeObjections} o
  where o.community_id = ${notices.communityId} and o.notice_id = ${notices.id}
    and o.answered_at is null and o.reply_due_at < ${at(now)})`;

export interface ListFilter {
  state?: NoticeListQuery['state'];
  subjectType?: string;
  compoundId?: string;
  hasOverdueObjections?: boolean;
  /** published notices whose posting has not ended */
  current?: boolean;
  page: number;
  pageSize: number;
}

export type NoticeListRow = NoticeRow & { correctedById: string | null };

/** A page of notices matching `where` (the policy's scope and the caller's place) and the filter; newest first, drafts on top. */
export async function listNotices(db: Db, where: SQL | undefined, f: ListFilter, now: Date): Promise<{ rows: NoticeListRow[]; total: number }> {
  const conds = [
    where,
    stateSql(f.state, now),
    f.subjectType ? eq(notices.subjectType, f.subjectType) : undefined,
    f.compoundId ? eq(notices.compoundId, f.compoundId) : undefined,
    f.hasOverdueObjections === undefined ? undefined : f.hasOverdueObjections ? overdueExists(now) : sql`not ${overdueExists(now)}`,
    f.current ? sql`${notices.postingEndsAt} > ${at(now)}` : undefined,
  ];
  const filter = and(...conds.filter((c): c is SQL => !!c));
  const correctedBy = sql<string | null>`(
    select c.id from ${notices} c
    where c.community_id = ${notices.communityId} and c.corrects_id = ${notices.id} and c.state = 'published' limit 1)`;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({ notice: notices, correctedById: correctedBy })
      .from(notices)
      .where(filter)
      .orderBy(desc(sql`${notices.publishedAt} is null`), desc(sql`coalesce(${notices.publishedAt}, ${notices.createdAt})`), asc(notices.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(notices).where(filter),
  ]);
  return { rows: rows.map((r) => ({ ...r.notice, correctedById: r.correctedById })), total: n };
}

/** Published notices of a subject, oldest first: the original, then its corrections. */
export async function publishedForSubject(db: Db, subjectType: string, subjectId: string) {
  return db
    .select({ id: notices.id, title: notices.title, publishedAt: notices.publishedAt, postingEndsAt: notices.postingEndsAt })
    .from(notices)
    .where(and(eq(notices.subjectType, subjectType), eq(notices.subjectId, subjectId), eq(notices.state, 'published')))
    .orderBy(asc(notices.publishedAt), asc(notices.id));
}
