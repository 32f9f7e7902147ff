import type { z } from 'zod';
import type { AuditKind } from '../../../../contracts/audit.ts';
import type { ConsultationErrorReason } from '../../../../contracts/consultation.ts';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import { actorLabel, actorUserId } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import { auditOrigin, type CommandContext } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Refusal } from '../domain/moves.ts';
import type { Viewer } from '../consultation.policy.ts';

/** What every consultation command receives: the platform's context, the actor's households, and the app's clock. */
export interface ConsultationContext extends CommandContext {
  clock: Clock;
  viewer: Viewer;
}

export function conflict(reason: ConsultationErrorReason, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('conflict', message, { reason, ...details });
}

export function forbidden(reason: ConsultationErrorReason | null, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('forbidden', message, reason ? { reason, ...details } : details);
}

/** A validation_failed error whose message starts with the first field at fault. */
export function invalid(issues: FieldIssue[], reason?: ConsultationErrorReason): AppError {
  const [first] = issues;
  return new AppError('validation_failed', first ? `${first.path}: ${first.message}` : 'Input is invalid', { issues, ...(reason ? { reason } : {}) });
}

/** A refusal of the step table as the API's error: a field at fault is a 400 naming it, a role 403, a state 409. */
export function refused(r: Refusal, details: Record<string, unknown> = {}): AppError {
  if (r.status === 'validation' && r.field) {
    const message = r.message.startsWith(`${r.field}: `) ? r.message.slice(r.field.length + 2) : r.message;
    return new AppError('validation_failed', r.message, { reason: r.reason, issues: [{ path: r.field, message }], ...details });
  }
  if (r.status === 'forbidden') return forbidden(r.reason, r.message, details);
  return conflict(r.reason, r.message, { ...(r.field ? { field: r.field } : {}), ...details });
}

/** Parses a command's input with its contract schema, so the CLI and tests get the route's messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

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
