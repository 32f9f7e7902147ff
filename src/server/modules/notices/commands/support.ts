import { eq } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import type { NoticeErrorReason } from '../../../../contracts/notices.ts';
import { actorLabel } from '../../../platform/actor.ts';
import { transaction, type CommandContext } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, conflictWith, invalidInput, type ReasonedError } from '../../../platform/errors.ts';
import { DEFAULT_NOTICE_SETTINGS, type NoticeSettings, type Refusal } from '../domain/periods.ts';
import { noticeSettings } from '../notices.tables.ts';

/** What every notices command receives: the platform's context and the time it acts at (the app's clock). */
export type NoticesContext = CommandContext & { now: Date };

export const conflict: ReasonedError<NoticeErrorReason> = conflictWith;
export const invalid: (issues: FieldIssue[], reason?: NoticeErrorReason) => AppError = invalidInput;
/** A domain refusal as the API's error: a field at fault is a 400 naming it; a state refusal a 409. */
export function refused(r: Refusal, details: Record<string, unknown> = {}): AppError {
  if (r.field) {
    const message = r.message.startsWith(`${r.field}: `) ? r.message.slice(r.field.length + 2) : r.message;
    return new AppError('validation_failed', r.message, { reason: r.reason, field: r.field, issues: [{ path: r.field, message }], ...details });
  }
  return conflict(r.reason, r.message, details);
}

export async function settingsOf(db: Db, communityId: string): Promise<NoticeSettings & { isDefault: boolean }> {
  const [row] = await db.select().from(noticeSettings).where(eq(noticeSettings.communityId, communityId));
  if (!row) return { ...DEFAULT_NOTICE_SETTINGS, isDefault: true };
  return { minPostingDays: row.minPostingDays, replyDays: row.replyDays, isDefault: false };
}

export const actorShown = (ctx: CommandContext) => actorLabel(ctx.actor);

/**
 * Runs fn in the caller's transaction when ctx.db already is one (the consultation module
 * publishes a notice as part of moving a matter), else in a new one. No savepoints either way.
 */
export function withinTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db instanceof PgTransaction ? fn(db as unknown as Db) : transaction(db, fn);
}
