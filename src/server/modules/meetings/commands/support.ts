import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditKind } from '../../../../contracts/audit.ts';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import type { MeetingsErrorReason } from '../../../../contracts/meetings.ts';
import type { Clock } from '../../../platform/clock.ts';
import { auditOrigin, type CommandContext } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { meetings } from '../meetings.tables.ts';
import type { MeetingRow } from '../repo/meetings.ts';

/** What every meetings command receives: the platform's context and the clock the app runs on. */
export interface MeetingsContext extends CommandContext {
  clock: Clock;
}

/**
 * Locks the meeting row for the rest of the transaction. Every command on a meeting takes it, so
 * two parties signing at once run one after the other and the second sees the first's signature
 * when deciding whether the minutes lock.
 */
export async function lockMeeting(tx: Db, meeting: { id: string; communityId: string }): Promise<MeetingRow> {
  const [row] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.communityId, meeting.communityId), eq(meetings.id, meeting.id)))
    .for('update');
  if (!row) throw notFound('Meeting');
  return row;
}

/** Refuses any change to the record once the minutes are locked: corrections are addenda. */
export function refuseIfLocked(meeting: MeetingRow): void {
  if (meeting.minutesLockedAt) {
    throw conflict('minutes_locked', 'The minutes are signed and locked; add an addendum instead', { lockedAt: meeting.minutesLockedAt.toISOString() });
  }
}

export function requireHeld(meeting: MeetingRow, action: string): void {
  if (!meeting.heldAt) throw conflict('not_held', `Record attendance before you ${action}`);
}

export function conflict(reason: MeetingsErrorReason, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('conflict', message, { reason, ...details });
}

export function forbidden(reason: MeetingsErrorReason, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('forbidden', message, { reason, ...details });
}

/** A validation_failed error whose message starts with the first field at fault. */
export function invalid(issues: FieldIssue[], reason?: MeetingsErrorReason): AppError {
  const [first] = issues;
  return new AppError('validation_failed', first ? `${first.path}: ${first.message}` : 'Input is invalid', { issues, ...(reason ? { reason } : {}) });
}

/** Parses a command's input with its contract schema, so tests and the CLI get the route's messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

/** The one audit event of a meeting command. */
export function auditMeeting(
  tx: Db,
  ctx: CommandContext,
  kind: AuditKind,
  object: { type: 'meeting' | 'meeting_series' | 'meeting_settings'; id: string; communityId: string },
  change: { before?: unknown; after?: unknown },
) {
  return appendAudit(tx, { kind, communityId: object.communityId, ...auditOrigin(ctx), objectType: object.type, objectId: object.id, ...change });
}

/** Postgres unique violation, on both drivers. */
export const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
};
