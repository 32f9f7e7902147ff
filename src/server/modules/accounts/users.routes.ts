import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { desc } from 'drizzle-orm';
import { createUserBody, mailboxView, userList, userListQuery, userView } from '../../../contracts/accounts.ts';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor, requireStaff } from '../../platform/request-actor.ts';
import { canManageUsers, canReadMailbox } from './accounts.policy.ts';
import { listManagedUsers, loadManagedUser, toUserView } from './accounts.users.ts';
import { outbox } from './accounts.tables.ts';
import { createUser } from './commands/create-user.ts';
import { disableUser } from './commands/disable-user.ts';
import { enableUser } from './commands/enable-user.ts';

const MAILBOX_SIZE = 100;

/** Staff accounts admin (district admins, within their district) and the dev mailbox. */
export async function usersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const forbidden = () => new AppError('forbidden', 'Only district administrators manage staff accounts');

  r.get('/users', {
    schema: {
      tags: ['accounts'],
      summary: 'Staff accounts you manage: every role inside your district(s)',
      querystring: userListQuery,
      response: { 200: userList, 400: errorBody, 401: errorBody, 403: errorBody },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    if (!canManageUsers(actor)) throw forbidden();
    const { q, page, pageSize } = request.query;
    const all = await listManagedUsers(app.db, actor, q);
    const items = all.slice((page - 1) * pageSize, page * pageSize).map((u) => toUserView(actor, u));
    return { items, total: all.length, page, pageSize };
  });

  r.get('/users/:id', {
    schema: { tags: ['accounts'], summary: 'One staff account you manage', params: idParam, response: { 200: userView, 401: errorBody, 403: errorBody, 404: errorBody } },
  }, async (request) => {
    const actor = requireStaff(request);
    if (!canManageUsers(actor)) throw forbidden();
    return toUserView(actor, await loadManagedUser(app.db, actor, request.params.id));
  });

  r.post('/users', {
    schema: {
      tags: ['accounts'],
      summary: 'Create a staff account with its roles; each role over a place inside your district',
      body: createUserBody,
      response: { 201: userView, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireStaff(request);
    const ctx = { db: app.db, actor, requestId: request.id };
    const created = await createUser(ctx, request.body);
    return reply.status(201).send(toUserView(actor, await loadManagedUser(app.db, actor, created.id)));
  });

  r.post('/users/:id/disable', {
    schema: {
      tags: ['accounts'],
      summary: 'Disable a staff account; its sessions end at once',
      params: idParam,
      response: { 200: userView, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    if (!canManageUsers(actor)) throw forbidden();
    return disableUser({ db: app.db, actor, requestId: request.id }, request.params.id);
  });

  r.post('/users/:id/enable', {
    schema: {
      tags: ['accounts'],
      summary: 'Enable a disabled staff account',
      params: idParam,
      response: { 200: userView, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    if (!canManageUsers(actor)) throw forbidden();
    return enableUser({ db: app.db, actor, requestId: request.id }, request.params.id);
  });

  r.get('/dev/mailbox', {
    schema: {
      tags: ['accounts'],
      summary: `Embedded mode only, administrators only: the newest ${MAILBOX_SIZE} messages the built-in sender "sent"`,
      response: { 200: mailboxView, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    // hidden like a missing route: on PostgreSQL, and from anyone but administrators
    if (!canReadMailbox(actor, app.database.kind === 'embedded')) throw new AppError('not_found', 'No route GET /api/dev/mailbox');
    const rows = await app.db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(MAILBOX_SIZE);
    return { items: rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
  });
}
