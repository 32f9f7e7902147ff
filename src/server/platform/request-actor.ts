import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** the logged-in actor, or null; the accounts module resolves it from the session cookie */
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Log in first');
  return request.actor;
}

export function requireStaff(request: FastifyRequest): Extract<Actor, { kind: 'staff' | 'system' }> {
  const actor = requireActor(request);
  if (actor.kind === 'owner') throw new AppError('forbidden', 'Staff only');
  return actor;
}
