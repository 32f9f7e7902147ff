import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { noticeDraftInput, noticeDraftPatch, noticeList, noticeListQuery, noticeView } from '../../../contracts/notices.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireActor, requireStaff } from '../../platform/request-actor.ts';
import { createDraft } from './commands/create-draft.ts';
import { publishDraft } from './commands/publish-draft.ts';
import { updateDraft } from './commands/update-draft.ts';
import type { Actor } from '../../platform/actor.ts';
import { ctxOf, forbidUnless, readableNotice, refOf, TAGS } from './notices.access.ts';
import { canManageNotice, issuerKindFor, NO_PLACES, visibleNoticesSql } from './notices.policy.ts';
import { noticeView as toNoticeView, toListItems } from './notices.views.ts';
import { notices } from './notices.tables.ts';
import { listNotices, type NoticeRow } from './repo/notices.ts';

/** Staff: draft, edit, publish, list and read notices. */
export async function draftsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // after a staff command: managers are staff, so they have no resident places
  const staffView = (actor: Actor, row: NoticeRow) => toNoticeView(app.db, actor, row, refOf(row), NO_PLACES, app.clock.now());

  r.post('/communities/:id/notices', {
    schema: {
      tags: TAGS,
      summary: 'Draft a notice (公示) of the community or one compound; community staff, street and district admins, or the compound\u2019s owners\u2019 committee',
      params: idParam,
      body: noticeDraftInput,
      response: { 201: noticeView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireStaff(request);
    const communityId = request.params.id;
    if (visibleNoticesSql(actor, communityId) === null) throw notFound('Community');
    const issuerKind = issuerKindFor(actor, { communityId, compoundId: request.body.compoundId ?? null });
    if (!issuerKind) {
      const reason = request.body.compoundId ? undefined : 'committee_needs_compound';
      throw new AppError('forbidden', request.body.compoundId ? 'You may not issue notices for this compound' : 'An owners\u2019 committee issues notices for its own compound: give compoundId', reason ? { reason } : undefined);
    }
    const row = await createDraft(ctxOf(app, request, actor), { ...request.body, communityId }, issuerKind);
    return reply.status(201).send(await staffView(actor, row));
  });

  r.get('/communities/:id/notices', {
    schema: {
      tags: TAGS,
      summary: 'A community\u2019s notices the actor may see, drafts first, then newest; filter by state, subject type, compound, overdue objections',
      params: idParam,
      querystring: noticeListQuery,
      response: { 200: noticeList, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    const visible = visibleNoticesSql(actor, request.params.id);
    if (visible === null) throw notFound('Community');
    const q = request.query;
    const now = app.clock.now();
    const { rows, total } = await listNotices(app.db, and(eq(notices.communityId, request.params.id), visible), q, now);
    return { items: await toListItems(app.db, rows, now), total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/notices/:id', {
    schema: {
      tags: TAGS,
      summary: 'A notice with its files, objection counts, correction links and your abilities (staff in scope; residents of its compound or community once published)',
      params: idParam,
      response: { 200: noticeView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { notice, ref, places } = await readableNotice(app.db, actor, request.params.id);
    return toNoticeView(app.db, actor, notice, ref, places, app.clock.now());
  });

  r.patch('/notices/:id', {
    schema: {
      tags: TAGS,
      summary: 'Change a draft; a published notice is immutable (409 published_is_immutable): publish a correction instead',
      params: idParam,
      body: noticeDraftPatch,
      response: { 200: noticeView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableNotice(app.db, actor, request.params.id);
    forbidUnless(canManageNotice(actor, ref), 'change this notice');
    const row = await updateDraft(ctxOf(app, request, actor), ref, request.body);
    return staffView(actor, row);
  });

  r.post('/notices/:id/publish', {
    schema: {
      tags: TAGS,
      summary: 'Publish a draft: posting starts now (or at its scheduled start) and the notice never changes again',
      params: idParam,
      response: { 200: noticeView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableNotice(app.db, actor, request.params.id);
    forbidUnless(canManageNotice(actor, ref), 'publish this notice');
    const row = await publishDraft(ctxOf(app, request, actor), ref);
    return staffView(actor, row);
  });
}
