import { and, asc, count, desc, eq, gte, ilike, inArray, lte, not, sql, type SQL } from 'drizzle-orm';
import type { MatterListQuery, MatterStep } from '../../../../contracts/consultation.ts';
import type { Db } from '../../../platform/db.ts';
import { LATE_WHEN_PAST } from '../domain/steps.ts';
import { communityOnStreetSql } from '../../registry/index.ts';
import { matters } from '../consultation.tables.ts';
import type { MatterRow } from './matters.ts';

// The lists and boards: one indexed query each, filtered by the policy's condition first.

const DAY_MS = 86_400_000;

/** A matter is late in SQL exactly when isLate() says so: a period, limit or task deadline has passed. */
export const lateSql = (now: Date) =>
  and(inArray(matters.step, [...LATE_WHEN_PAST]), sql`coalesce(${matters.stepDueAt} < ${now.toISOString()}::timestamptz, false)`)!;

export interface ListFilter extends Partial<Omit<MatterListQuery, 'page' | 'pageSize' | 'sort'>> {
  /** communities to keep; null = no restriction */
  communityIds?: string[] | null;
}

export function filterSql(f: ListFilter, now: Date): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    f.communityIds ? (f.communityIds.length ? inArray(matters.communityId, f.communityIds) : sql`false`) : undefined,
    f.communityId ? eq(matters.communityId, f.communityId) : undefined,
    f.streetId ? communityOnStreetSql(matters.communityId, f.streetId) : undefined,
    f.compoundId ? eq(matters.compoundId, f.compoundId) : undefined,
    f.step ? eq(matters.step, f.step) : undefined,
    f.category ? eq(matters.category, f.category) : undefined,
    f.urgency ? eq(matters.urgency, f.urgency) : undefined,
    f.overdue === true ? lateSql(now) : f.overdue === false ? not(lateSql(now)) : undefined,
    f.minAgeDays !== undefined ? lte(matters.raisedAt, new Date(now.getTime() - f.minAgeDays * DAY_MS)) : undefined,
    f.maxAgeDays !== undefined ? gte(matters.raisedAt, new Date(now.getTime() - (f.maxAgeDays + 1) * DAY_MS)) : undefined,
    f.q ? ilike(matters.title, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  ];
  return and(...conds);
}

/** The columns a card shows: lists never read descriptions or texts. */
export const cardColumns = {
  id: matters.id,
  communityId: matters.communityId,
  compoundId: matters.compoundId,
  title: matters.title,
  category: matters.category,
  urgency: matters.urgency,
  step: matters.step,
  source: matters.source,
  art278Item: matters.art278Item,
  decidingBody: matters.decidingBody,
  raisedAt: matters.raisedAt,
  stepEnteredAt: matters.stepEnteredAt,
  stepDueAt: matters.stepDueAt,
  signaturesRequired: matters.signaturesRequired,
  cosignatures: matters.cosignatures,
  supports: matters.supports,
  version: matters.version,
};
export type CardRow = Pick<MatterRow, keyof typeof cardColumns>;

const ORDER = {
  newest: [desc(matters.raisedAt), desc(matters.id)],
  oldest: [asc(matters.raisedAt), asc(matters.id)],
  due: [sql`${matters.stepDueAt} asc nulls last`, asc(matters.id)],
};

export async function listMatters(
  db: Db,
  q: { visible: SQL | undefined; filter: ListFilter; sort: MatterListQuery['sort']; page: number; pageSize: number },
  now: Date,
): Promise<{ rows: CardRow[]; total: number }> {
  const where = and(q.visible, filterSql(q.filter, now));
  // the page and its total side by side: the page can stop early on the raised_at index
  const [rows, [{ total }]] = await Promise.all([
    db.select(cardColumns).from(matters).where(where).orderBy(...ORDER[q.sort]).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(matters).where(where),
  ]);
  return { rows, total: Number(total) };
}

/** Per step: how many matters and how many are late. */
export async function countsByStep(db: Db, where: SQL | undefined, now: Date) {
  const rows = await db
    .select({ step: matters.step, total: count(), late: sql<number>`count(*) filter (where ${lateSql(now)})` })
    .from(matters)
    .where(where)
    .groupBy(matters.step);
  return new Map<MatterStep, { total: number; late: number }>(rows.map((r) => [r.step, { total: Number(r.total), late: Number(r.late) }]));
}

/** The newest matters of each step, `limit` a step (the community board). */
export async function newestPerStep(db: Db, where: SQL | undefined, steps: readonly MatterStep[], limit: number) {
  const lists = await Promise.all(steps.map((step) =>
    db.select(cardColumns).from(matters).where(and(where, eq(matters.step, step))).orderBy(desc(matters.raisedAt), asc(matters.id)).limit(limit)));
  return new Map(steps.map((step, i) => [step, lists[i]]));
}
