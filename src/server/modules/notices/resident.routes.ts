import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageQuery } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { noticeList, objectionList, publishedListQuery } from '../../../contracts/notices.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { TAGS } from './notices.access.ts';
import { ownerPlaces } from './notices.borders.ts';
import { ownerNoticesSql } from './notices.policy.ts';
import { toListItems, toObjectionView } from './notices.views.ts';
import { listNotices } from './repo/notices.ts';
import { objectionsByPhone } from './repo/objections.ts';

function requireResident(request: FastifyRequest): Extract<Actor, { kind: 'owner' }> {
  const actor = requireActor(request);
  if (actor.kind !== 'owner') throw new AppError('forbidden', 'Residents only (phone login)');
  return actor;
}

/** A resident's own view: the notices of their compounds and community, and the objections they raised. */
export async function residentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/my/notices', {
    schema: {
      tags: TAGS,
      summary: 'Published notices of the compounds where you own or live in a unit, and community-wide notices of their communities; newest first',
      querystring: publishedListQuery,
      response: { 200: noticeList, 400: errorBody, 401: errorBody, 403: errorBody },
    },
  }, async (request) => {
    const actor = requireResident(request);
    const q = request.query;
    const where = ownerNoticesSql(await ownerPlaces(app.db, actor));
    if (!where) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const now = app.clock.now();
    const { rows, total } = await listNotices(app.db, where, q, now);
    return { items: await toListItems(app.db, rows, now), total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/my/objections', {
    schema: {
      tags: TAGS,
      summary: 'The objections you raised, newest first, with their answers and status',
      querystring: pageQuery,
      response: { 200: objectionList, 400: errorBody, 401: errorBody, 403: errorBody },
    },
  }, async (request) => {
    const actor = requireResident(request);
    const { rows, total } = await objectionsByPhone(app.db, actor.phone, request.query);
    const now = app.clock.now();
    return { items: rows.map((o) => toObjectionView(o, now, false)), total, page: request.query.page, pageSize: request.query.pageSize };
  });
}
