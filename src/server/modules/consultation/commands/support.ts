import type { AuditKind } from '../../../../contracts/audit.ts';
import type { ConsultationErrorReason } from '../../../../contracts/consultation.ts';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import { actorLabel, actorUserId } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import { auditOrigin, type CommandContext } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, conflictWith, forbiddenWith, invalidInput, parseInput, type ReasonedError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Refusal } from '../domain/moves.ts';
import type { Viewer } from '../consultation.policy.ts';

/** What every consultation command receives: the platform's context, the actor's households, and the app's clock. */
export interface ConsultationContext extends CommandContext {
  clock: Clock;
  viewer: Viewer;
}

export const conflict: ReasonedError<ConsultationErrorReason> = conflictWith;
export const forbidden: ReasonedError<ConsultationErrorReason | null> = forbiddenWith;
export const invalid: (issues: FieldIssue[], reason?: ConsultationErrorReason) => AppError = invalidInput;
/** A refusal of the step table as the API's error: a field at fault is a 400 naming it, a role 403, a state 409. */
export function refused(r: Refusal, details: Record<string, unknown> = {}): AppError {
  if (r.status === 'validation' && r.field) {
    const message = r.message.startsWith(`${r.field}: `) ? r.message.slice(r.field.length + 2) : r.message;
    return new AppError('validation_failed', r.message, { reason: r.reason, issues: [{ path: r.field, message }], ...details });
  }
  if (r.status === 'forbidden') return forbidden(r.reason, r.message, details);
  return conflict(r.reason, r.message, { ...(r.field ? { field: r.field } : {}), ...details });
}

export { parseInput };
/** Who did it, as stored on rows and shown to people: "user:alice", "owner:138****0001", "cli". */
export const actorShown = (ctx: CommandContext) => actorLabel(ctx.actor);
export const userIdOf = (ctx: CommandContext) => actorUserId(ctx.actor);

/** The one audit event of a consultation command. */
export function auditMatter(
  tx: Db,
  ctx: CommandContext,
  kind: AuditKind,
  matter: { communityId: string; id: string },
  change: { before?: unknown; after?: unknown; objectType?: string; objectId?: string },
) {
  return appendAudit(tx, {
    kind,
    communityId: matter.communityId,
    ...auditOrigin(ctx),
    objectType: change.objectType ?? 'matter',
    objectId: change.objectId ?? matter.id,
    before: change.before ?? null,
    after: { matterId: matter.id, ...(change.after as object | undefined) },
  });
}
