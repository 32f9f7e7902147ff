import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.ts';
import type { VotingContext } from './commands/support.ts';

/** The command context of a request: the database, the actor, the request id for the trail, and the app's clock. */
export function ctxOf(app: FastifyInstance, request: FastifyRequest, actor: Actor): VotingContext {
  return { db: app.db, actor, requestId: request.id, clock: app.clock };
}

/** The OpenAPI tag of every voting route. */
export const TAGS = ['voting'];
