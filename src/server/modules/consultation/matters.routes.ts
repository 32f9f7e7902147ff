import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { advanceMatterBody, matterList, matterListQuery, matterView, raiseMatterBody } from '../../../contracts/consultation.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { AppError } from '../../platform/errors.ts';
import { advanceMatter } from './commands/advance-matter.ts';
import { raiseMatter } from './commands/raise-matter.ts';
import { ctxOf, readableMatter, requireViewer, TAGS } from './consultation.access.ts';
import { matterDetail } from './consultation.detail.ts';
import { ownHouseholdMattersSql, visibleMattersSql } from './consultation.policy.ts';
import { toCards } from './consultation.views.ts';
import { listMatters } from './repo/lists.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Raising, reading, listing and moving matters. */
export async function mattersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/matters', {
    schema: {
      tags: TAGS,
      summary: 'Raise a matter: residents for their compound (then co-signatures are collected), or the owners\u2019 committee, property company, grid worker or community staff; a complaint is converted with source complaint',
      body: raiseMatterBody,
      response: { 201: matterView, ...errors },
    },
  }, async (request, reply) => {
    const viewer = await requireViewer(app, request);
    const row = await raiseMatter(ctxOf(app, request, viewer), request.body);
    return reply.status(201).send(await matterDetail(app.db, viewer, row, app.clock.now()));
  });

  r.get('/matters', {
    schema: {
      tags: TAGS,
      summary: 'Matters you may read across communities (the street and district view): filter by street, community, compound, step, category, urgency, overdue, age; sort newest, oldest or due',
      querystring: matterListQuery,
      response: { 200: matterList, 400: errorBody, 401: errorBody },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const { page, pageSize, sort, ...filter } = request.query;
    const now = app.clock.now();
    const { rows, total } = await listMatters(app.db, { visible: visibleMattersSql(viewer), filter, sort, page, pageSize }, now);
    return { items: await toCards(app.db, rows, now), total, page, pageSize };
  });

  r.get('/my/matters', {
    schema: {
      tags: TAGS,
      summary: 'Owners and residents: the matters of my compound(s), and the community-wide matters of my community',
      querystring: matterListQuery.omit({ streetId: true }),
      response: { 200: matterList, 400: errorBody, 401: errorBody, 403: errorBody },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    if (viewer.actor.kind !== 'owner') throw new AppError('forbidden', 'This list is for owners and residents (phone login); staff use GET /api/matters');
    const { page, pageSize, sort, ...filter } = request.query;
    const now = app.clock.now();
    const { rows, total } = await listMatters(app.db, { visible: ownHouseholdMattersSql(viewer), filter, sort, page, pageSize }, now);
    return { items: await toCards(app.db, rows, now), total, page, pageSize };
  });

  r.get('/matters/:id', {
    schema: {
      tags: TAGS,
      summary: 'A matter: its step and deadline, consultation, resolution, implementation, ratings, history and your abilities',
      params: idParam,
      response: { 200: matterView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    return matterDetail(app.db, viewer, row, app.clock.now());
  });

  r.post('/matters/:id/advance', {
    schema: {
      tags: TAGS,
      summary: 'Move a matter to its next step (the step table in docs/rules/consultation.md says who may and what each move requires); 409 matter_moved when it moved meanwhile',
      params: idParam,
      body: advanceMatterBody,
      response: { 200: matterView, ...errors },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    const after = await advanceMatter(ctxOf(app, request, viewer), row, request.body);
    return matterDetail(app.db, viewer, after, app.clock.now());
  });
}
