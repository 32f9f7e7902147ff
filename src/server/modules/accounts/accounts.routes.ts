import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBody, meView, otpRequestBody, otpSentView, ownerLoginBody, staffLoginBody } from '../../../contracts/accounts.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { maskPhone } from '../../platform/actor.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { SESSION_COOKIE, revokeSession } from './accounts.sessions.ts';
import { clearSessionCookie, setSessionCookie } from './auth.plugin.ts';
import { shellAbilities } from './accounts.policy.ts';
import { placesByIds } from '../registry/index.ts';
import { createOtpSender } from './otp/senders.ts';
import { loginStaff } from './commands/login-staff.ts';
import { changePassword } from './commands/change-password.ts';
import { requestOwnerCode } from './commands/request-owner-code.ts';
import { loginOwner } from './commands/login-owner.ts';
import { usersRoutes } from './users.routes.ts';
import type { LoginPhoneSource } from './accounts.login-phones.ts';

export interface AccountsRoutesOptions {
  /**
   * Standings of modules above accounts that let a phone without units log in by code (see
   * LoginPhoneSource). Required, so that buildApp states them: none is an empty list.
   */
  loginPhoneSources: readonly LoginPhoneSource[];
}

const ok = z.object({ ok: z.literal(true) });

/** Login, logout, owner codes, password change and /me; then the staff-account admin routes. */
export async function accountsRoutes(app: FastifyInstance, options: AccountsRoutesOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const sources = options.loginPhoneSources;
  const otpSender = createOtpSender(app.config.otpSender, { log: app.log, database: app.database });

  r.post('/auth/login', {
    schema: {
      tags: ['accounts'],
      summary: 'Staff login with username and password; sets an httpOnly session cookie. Repeated failures earn a growing delay (429)',
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

  r.post('/auth/otp', {
    schema: {
      tags: ['accounts'],
      summary: 'Send a one-time login code to an owner or resident; the same answer for any phone',
      security: [],
      body: otpRequestBody,
      response: { 202: otpSentView, 400: errorBody, 429: errorBody },
    },
  }, async (request, reply) => {
    const sent = await requestOwnerCode(app.db, request.body.phone, otpSender, sources);
    return reply.status(202).send(sent);
  });

  r.post('/auth/owner-login', {
    schema: {
      tags: ['accounts'],
      summary: 'Owner or resident login with phone and one-time code; sets an httpOnly session cookie',
      security: [],
      body: ownerLoginBody,
      response: { 200: ok, 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody },
    },
  }, async (request, reply) => {
    const session = await loginOwner(app.db, request.body, sources, request.id);
    setSessionCookie(reply, session.token, session.expiresAt, app.config.production);
    return { ok: true as const };
  });

  r.post('/auth/password', {
    schema: {
      tags: ['accounts'],
      summary: "Change your own password; ends your other sessions",
      body: changePasswordBody,
      response: { 200: z.object({ ok: z.literal(true), revokedSessions: z.number().int() }), 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { revokedSessions } = await changePassword({ db: app.db, actor, requestId: request.id }, request.body, request.cookies[SESSION_COOKIE]);
    return { ok: true as const, revokedSessions };
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
      const places = await placesByIds(app.db, actor.grants.map((g) => g.scopeId));
      const grants = actor.grants.map((g) => ({ ...g, ...(places.get(g.scopeId) ? { scopeName: places.get(g.scopeId)!.name } : {}) }));
      return { kind: 'staff' as const, userId: actor.userId, username: actor.username, displayName: actor.displayName, grants, abilities };
    }
    return { kind: 'staff' as const, userId: '', username: actor.label, displayName: actor.label, grants: [], abilities };
  });

  await usersRoutes(app);
}
