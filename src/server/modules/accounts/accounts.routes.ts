import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meView, staffLoginBody } from '../../../contracts/accounts.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { maskPhone } from '../../platform/actor.ts';
import { SESSION_COOKIE, revokeSession } from './accounts.sessions.ts';
import { clearSessionCookie, setSessionCookie } from './auth.plugin.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { loginStaff } from './commands/login-staff.ts';
import { shellAbilities } from './accounts.policy.ts';

const ok = z.object({ ok: z.literal(true) });

export async function accountsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/auth/login', {
    schema: {
      tags: ['accounts'],
      summary: 'Staff login with username and password; sets an httpOnly session cookie',
      security: [],
      body: staffLoginBody,
      response: { 200: ok, 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody },
    },
  }, async (request, reply) => {
    const session = await loginStaff(app.db, request.body, request.id);
    setSessionCookie(reply, session.token, session.expiresAt, app.config.production);
    return { ok: true as const };
  });

  r.post('/auth/logout', {
    schema: { tags: ['accounts'], summary: 'End the current session', response: { 200: ok } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await revokeSession(app.db, token);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  r.get('/me', {
    schema: { tags: ['accounts'], summary: 'Who is logged in, their roles and what the shell may show', response: { 200: meView, 401: errorBody } },
  }, async (request) => {
    const actor = requireActor(request);
    const abilities = shellAbilities(actor, app.database.kind === 'embedded');
    if (actor.kind === 'owner') {
      return { kind: 'owner' as const, phoneMasked: maskPhone(actor.phone) ?? '', unitCount: actor.scope.ownUnits.size, abilities };
    }
    if (actor.kind === 'staff') {
      return { kind: 'staff' as const, userId: actor.userId, username: actor.username, displayName: actor.displayName, grants: actor.grants, abilities };
    }
    return { kind: 'staff' as const, userId: '', username: actor.label, displayName: actor.label, grants: [], abilities };
  });
}
