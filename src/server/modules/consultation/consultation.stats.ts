import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { MatterStep } from '../../../contracts/consultation.ts';
import type { Db } from '../../platform/db.ts';
import { taskOverdue } from './domain/deadlines.ts';
import { LATE_WHEN_PAST } from './domain/steps.ts';
import { lastJointMeetingByCommunity, noticeStatus } from './consultation.neighbours.ts';
import { matterStepLog, matters } from './consultation.tables.ts';
import { tasksOf } from './repo/implementation.ts';
import { lateSql } from './repo/lists.ts';
import type { MatterRow } from './repo/matters.ts';

// Figures this module offers to the street and district view, dashboards and indices.

const DAY_SECONDS = 86_400;
const FOUR_WEEKS_MS = 28 * 86_400_000;

type Medians = Map<MatterStep, { medianDays: number; samples: number }>;

/**
 * Medians sort every finished stay of every matter in scope, the one costly figure of the street
 * and district summary, and they move slowly: each set of communities keeps its answer for a
 * minute (per database handle, at most 200 sets).
 */
const MEDIAN_TTL_MS = 60_000;
const medianCache = new WeakMap<Db, Map<string, { until: number; value: Medians }>>();

export async function medianDaysPerStep(db: Db, communityIds: string[] | null): Promise<Medians> {
  let cache = medianCache.get(db);
  if (!cache) medianCache.set(db, (cache = new Map()));
  const key = communityIds === null ? '*' : [...communityIds].sort().join(',');
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = await computeMedians(db, communityIds);
  if (cache.size >= 200) cache.clear();
  cache.set(key, { until: Date.now() + MEDIAN_TTL_MS, value });
  return value;
}

async function computeMedians(db: Db, communityIds: string[] | null): Promise<Medians> {
  const where = and(
    isNotNull(matterStepLog.leftAt),
    communityIds === null ? undefined : communityIds.length ? inArray(matterStepLog.communityId, communityIds) : sql`false`,
  );
  const rows = await db
    .select({
      step: matterStepLog.step,
      median: sql<number>`percentile_cont(0.5) within group (order by extract(epoch from (${matterStepLog.leftAt} - ${matterStepLog.enteredAt})))`,
      samples: sql<number>`count(*)`,
    })
    .from(matterStepLog)
    .where(where)
    .groupBy(matterStepLog.step);
  return new Map(rows.map((r) => [r.step, { medianDays: Math.round((Number(r.median) / DAY_SECONDS) * 10) / 10, samples: Number(r.samples) }]));
}

/** Communities whose last joint meeting is more than 4 weeks old, or that never held one (meetings module). */
export async function withoutRecentJointMeeting(db: Db, communities: { id: string; name: string }[], now: Date) {
  if (!communities.length) return [];
  const last = await lastJointMeetingByCommunity(db, communities.map((c) => c.id));
  return communities
    .map((c) => ({ community: c, lastJointMeetingAt: last.get(c.id) ?? null }))
    .filter((c) => c.lastJointMeetingAt === null || new Date(c.lastJointMeetingAt).getTime() < now.getTime() - FOUR_WEEKS_MS)
    .sort((a, b) => (a.lastJointMeetingAt ?? '').localeCompare(b.lastJointMeetingAt ?? '') || a.community.name.localeCompare(b.community.name));
}

export interface OverdueReason {
  kind: 'consult_past_deadline' | 'step_past_deadline' | 'objection_overdue' | 'task_overdue';
  detail: string;
  since: string | null;
}

/**
 * A community's late matters and why: consultation past its end, deliberation or resolution past
 * its limit, implementation tasks past their deadline, and objections to a notice left unanswered
 * past the reply deadline (notices module).
 */
export async function overdueMatters(db: Db, where: SQL | undefined, now: Date): Promise<{ row: MatterRow; reasons: OverdueReason[] }[]> {
  // in turn: consultation's index offers this to other modules, which may pass their transaction
  const late = await db.select().from(matters).where(and(where, lateSql(now))).orderBy(matters.stepDueAt);
  const posting = await db.select().from(matters).where(and(where, inArray(matters.step, ['publish_resolution', 'publish_results'])));
  const out = new Map<string, { row: MatterRow; reasons: OverdueReason[] }>();
  const add = (row: MatterRow, reason: OverdueReason) => {
    const entry = out.get(row.id) ?? { row, reasons: [] };
    entry.reasons.push(reason);
    out.set(row.id, entry);
  };
  for (const row of late) {
    const since = row.stepDueAt?.toISOString() ?? null;
    if (row.step === 'consult') add(row, { kind: 'consult_past_deadline', detail: 'consult', since });
    else if (row.step === 'implement') {
      for (const task of (await tasksOf(db, row)).filter((t) => taskOverdue(t, now))) add(row, { kind: 'task_overdue', detail: task.title, since: `${task.deadline}T23:59:59.999+08:00` });
    } else if (LATE_WHEN_PAST.includes(row.step)) add(row, { kind: 'step_past_deadline', detail: row.step, since });
  }
  for (const row of posting) {
    const noticeId = row.step === 'publish_results' ? row.resultsNoticeId : row.resolutionNoticeId;
    if (!noticeId) continue;
    const status = await noticeStatus(db, noticeId, now);
    if (status.overdueObjections > 0) add(row, { kind: 'objection_overdue', detail: `${status.overdueObjections} objection(s) to notice ${noticeId}`, since: null });
  }
  return [...out.values()];
}

export const communityMattersSql = (communityId: string) => eq(matters.communityId, communityId);
