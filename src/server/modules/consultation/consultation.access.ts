import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { householdsOf } from './consultation.borders.ts';
import { canReadMatter, type Viewer } from './consultation.policy.ts';
import type { ConsultationContext } from './commands/support.ts';
import { findMatter, refOf, type MatterRow } from './repo/matters.ts';

// Route glue shared by the module's route files: who is asking (with their households), the
// command context, and a matter the viewer may read. A matter outside the viewer's scope answers
// 404, the same as one that does not exist.

export const TAGS = ['consultation'];

export async function viewerOf(db: Db, actor: Actor): Promise<Viewer> {
  return { actor, households: await householdsOf(db, actor) };
}

export async function requireViewer(app: FastifyInstance, request: FastifyRequest): Promise<Viewer> {
  return viewerOf(app.db, requireActor(request));
}

export function ctxOf(app: FastifyInstance, request: FastifyRequest, viewer: Viewer): ConsultationContext {
  return { db: app.db, actor: viewer.actor, requestId: request.id, clock: app.clock, viewer };
}

export async function readableMatter(db: Db, viewer: Viewer, id: string): Promise<MatterRow> {
  const row = await findMatter(db, id);
  if (!row || !canReadMatter(viewer, refOf(row))) throw notFound('Matter');
  return row;
}

/** For an action on a matter the viewer can see but may not take: 403, naming the action. */
export function forbidUnless(allowed: boolean, action: string): void {
  if (!allowed) throw new AppError('forbidden', `You may not ${action}`);
}
