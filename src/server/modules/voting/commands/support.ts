import { and, eq } from 'drizzle-orm';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import type { VotingErrorReason } from '../../../../contracts/voting.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { CommandContext } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, notFound, conflictWith, forbiddenWith, invalidInput, parseInput, type ReasonedError } from '../../../platform/errors.ts';
import { actorLabel, actorUserId } from '../../../platform/actor.ts';
import { DEFAULT_BOUNDS, type LifecycleRefusal, type ScheduleBounds } from '../domain/lifecycle.ts';
import { voteSettings, votes } from '../voting.tables.ts';

/** What every voting command receives: the platform's context and the clock the app runs on. */
export interface VotingContext extends CommandContext {
  clock: Clock;
}

export type VoteRow = typeof votes.$inferSelect;

/** The settings a compound has not set: the issue's bounds and at most 5 owners per proxy holder. */
export const DEFAULT_SETTINGS = { ...DEFAULT_BOUNDS, maxOwnersPerProxy: 5 };
export type VoteSettings = ScheduleBounds & { maxOwnersPerProxy: number };

export async function settingsOf(db: Db, compound: { id: string; communityId: string }): Promise<VoteSettings & { isDefault: boolean }> {
  const [row] = await db
    .select()
    .from(voteSettings)
    .where(and(eq(voteSettings.communityId, compound.communityId), eq(voteSettings.compoundId, compound.id)));
  if (!row) return { ...DEFAULT_SETTINGS, isDefault: true };
  const { minNoticeDays, minWindowDays, maxWindowDays, maxOwnersPerProxy } = row;
  return { minNoticeDays, minWindowDays, maxWindowDays, maxOwnersPerProxy, isDefault: false };
}

/**
 * Locks the vote row for the rest of the transaction. Moves of the life cycle take it FOR
 * UPDATE, so two people moving one vote run one after the other and the second sees the first's
 * state; ballots take it FOR SHARE, so they run side by side but never across a close.
 */
export async function lockVote(tx: Db, vote: { id: string; communityId: string }, mode: 'update' | 'share'): Promise<VoteRow> {
  const [row] = await tx
    .select()
    .from(votes)
    .where(and(eq(votes.communityId, vote.communityId), eq(votes.id, vote.id)))
    .for(mode === 'update' ? 'update' : 'share');
  if (!row) throw notFound('Vote');
  return row;
}

/** A refusal of the life-cycle table as the API's error: 409 with the reason and the field. */
export function refused(refusal: LifecycleRefusal, details: Record<string, unknown> = {}): AppError {
  return conflict(refusal.reason, refusal.message, { ...(refusal.field ? { field: refusal.field } : {}), ...details });
}

export const conflict: ReasonedError<VotingErrorReason> = conflictWith;
export const forbidden: ReasonedError<VotingErrorReason> = forbiddenWith;
export const invalid: (issues: FieldIssue[], reason?: VotingErrorReason) => AppError = invalidInput;
export { parseInput };
/** Who did it, as stored on vote rows: the user id for staff (so double entry can tell two people apart), else the audit label. */
export function actorKey(ctx: CommandContext): string {
  return actorUserId(ctx.actor) ?? (ctx.actor.kind === 'owner' ? `owner:${ctx.actor.phone}` : actorLabel(ctx.actor));
}

/** The label shown to people: "user:alice", "owner:138****0001", "cli". */
export const actorShown = (ctx: CommandContext) => actorLabel(ctx.actor);
