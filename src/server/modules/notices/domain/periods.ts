import type { NoticeErrorReason, NoticeState } from '../../../../contracts/notices.ts';
import type { SubjectRule } from './subjects.ts';

// Posting periods, objection windows and reply deadlines: pure functions of the notice, the
// community's settings and the clock. Periods are whole days of 24 hours counted from the
// moment the posting starts, so a 7-day notice published Monday 10:00 ends next Monday 10:00.

export const DAY_MS = 86_400_000;
/** No community sets a minimum posting period below this (product rule: at least 7 days). */
export const NOTICE_FLOOR_DAYS = 7;
export const MAX_PERIOD_DAYS = 90;
export const DEFAULT_NOTICE_SETTINGS = { minPostingDays: NOTICE_FLOOR_DAYS, replyDays: 3 };

export interface NoticeSettings {
  minPostingDays: number;
  replyDays: number;
}

export interface Refusal {
  reason: NoticeErrorReason;
  message: string;
  field?: string;
}

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/** The shortest posting period a notice of this subject may have in this community. */
export function minimumPostingDays(rule: SubjectRule, settings: NoticeSettings): number {
  return Math.max(rule.floorDays, settings.minPostingDays, NOTICE_FLOOR_DAYS);
}

/**
 * Checks the posting period and the objection window against the minimum. The objection window
 * may outlast the posting but never be shorter than the minimum posting period: residents keep
 * at least that long to object.
 */
export function checkPeriods(p: { postingDays: number; objectionDays: number }, minimum: number): Refusal | null {
  if (p.postingDays < minimum) {
    return { reason: 'posting_too_short', field: 'postingDays', message: `postingDays: must be at least ${minimum} days (the minimum for this community and subject), got ${p.postingDays}` };
  }
  if (p.objectionDays < minimum) {
    return { reason: 'posting_too_short', field: 'objectionDays', message: `objectionDays: must be at least ${minimum} days (the minimum posting period), got ${p.objectionDays}` };
  }
  return null;
}

/** Community settings: the minimum never below the floor, the reply deadline at least a day. */
export function checkSettings(s: NoticeSettings): Refusal | null {
  if (s.minPostingDays < NOTICE_FLOOR_DAYS) {
    return { reason: 'posting_too_short', field: 'minPostingDays', message: `minPostingDays: must be at least ${NOTICE_FLOOR_DAYS} days, got ${s.minPostingDays}` };
  }
  return null;
}

export interface Schedule {
  postingStartsAt: Date;
  postingEndsAt: Date;
  objectionEndsAt: Date;
}

export function scheduleNotice(start: Date, postingDays: number, objectionDays: number): Schedule {
  return { postingStartsAt: start, postingEndsAt: addDays(start, postingDays), objectionEndsAt: addDays(start, objectionDays) };
}

export interface TimedNotice {
  state: 'draft' | 'published';
  postingStartsAt: Date | null;
  postingEndsAt: Date | null;
  objectionEndsAt: Date | null;
}

export function noticePhase(n: Pick<TimedNotice, 'state' | 'postingEndsAt'>, now: Date): NoticeState {
  if (n.state === 'draft') return 'draft';
  return n.postingEndsAt && now >= n.postingEndsAt ? 'posting_ended' : 'published';
}

/** Why a resident may not object now, or null when the window is open. A corrected notice takes none: object to its correction. */
export function objectionRefusal(n: TimedNotice, correctedById: string | null, now: Date): Refusal | null {
  if (n.state !== 'published' || !n.postingStartsAt || !n.objectionEndsAt) return { reason: 'not_published', message: 'The notice is not published' };
  if (correctedById) return { reason: 'notice_corrected', message: `The notice was corrected by notice ${correctedById}; object to the correction` };
  if (now < n.postingStartsAt) return { reason: 'window_not_open', message: `The objection window opens at ${n.postingStartsAt.toISOString()}` };
  if (now >= n.objectionEndsAt) return { reason: 'window_closed', message: `The objection window closed at ${n.objectionEndsAt.toISOString()}` };
  return null;
}

export type ObjectionStatus = 'open' | 'overdue' | 'answered' | 'answered_late';

/** Overdue once the clock passes the reply deadline without an answer; an answer after it is "late". */
export function objectionStatus(o: { answeredAt: Date | null; replyDueAt: Date }, now: Date): ObjectionStatus {
  if (o.answeredAt) return o.answeredAt > o.replyDueAt ? 'answered_late' : 'answered';
  return now > o.replyDueAt ? 'overdue' : 'open';
}
