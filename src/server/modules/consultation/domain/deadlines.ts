import type { MatterStep } from '../../../../contracts/consultation.ts';
import { STEPS } from './steps.ts';

// Deadlines in time. Task deadlines are calendar dates in China; a task is late once its whole
// day has passed there.

const DAY_MS = 86_400_000;

export interface DeadlineSettings {
  consultDays: number;
  deliberateDays: number;
  resolveDays: number;
}

/** The end of a calendar day in China (UTC+8, no daylight saving). */
export const endOfChinaDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

export const wholeDaysBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));

/**
 * The deadline a matter gets on entering a step: the end of the consult period, the limit of
 * deliberation or resolution, the notice's end of posting, or the earliest unfinished task.
 */
export function dueOnEntry(
  step: MatterStep,
  now: Date,
  settings: DeadlineSettings,
  known: { consultDays?: number; noticeEndsAt?: Date | null; earliestTaskDeadline?: string | null } = {},
): Date | null {
  const deadline = STEPS[step].deadline;
  if (!deadline) return null;
  switch (deadline.kind) {
    case 'period':
    case 'limit': {
      const days = deadline.setting === 'consultDays' ? known.consultDays ?? settings.consultDays : settings[deadline.setting];
      return addDays(now, days);
    }
    case 'notice':
      return known.noticeEndsAt ?? null;
    case 'tasks':
      return known.earliestTaskDeadline ? endOfChinaDay(known.earliestTaskDeadline) : null;
  }
}

/** A matter is late when the deadline of a period, limit or task step has passed. A notice's end of posting is a gate, not lateness. */
export function isLate(step: MatterStep, dueAt: Date | null, now: Date): boolean {
  const deadline = STEPS[step].deadline;
  if (!deadline || deadline.kind === 'notice' || !dueAt) return false;
  return dueAt.getTime() < now.getTime();
}

export function taskOverdue(task: { deadline: string; progress: number }, now: Date): boolean {
  return task.progress < 100 && endOfChinaDay(task.deadline).getTime() < now.getTime();
}
