import '../../platform/request-actor.ts';
import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE, actorForToken } from './accounts.sessions.ts';

/** Resolves the session cookie into request.actor. Routes call requireActor() to insist on one. */
export const authPlugin = fp(async (app) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) request.actor = await actorForToken(app.db, token);
  });
});

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
