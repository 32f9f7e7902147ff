import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, pageQuery } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { answerInput, objectionInput, objectionList, objectionParams, objectionView } from '../../../contracts/notices.ts';
import { notFound } from '../../platform/errors.ts';
import { requireActor, requireStaff } from '../../platform/request-actor.ts';
import { answerObjection } from './commands/answer-objection.ts';
import { raiseObjection } from './commands/raise-objection.ts';
import { ctxOf, forbidUnless, readableNotice, TAGS } from './notices.access.ts';
import { canAnswerObjections, canObject, canSeeObjections, managedNoticesSql } from './notices.policy.ts';
import { toObjectionView } from './notices.views.ts';
import { findObjection, objectionsOfNotice, overdueObjections } from './repo/objections.ts';

/** Objections: residents raise them; the notice's managers list and answer them; the overdue list per community. */
export async function objectionsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

  r.post('/notices/:id/objections', {
    schema: {
      tags: TAGS,
      summary: 'Object to a published notice of your compound or community while its objection window is open (residents, phone login)',
      params: idParam,
      body: objectionInput,
      response: { 201: objectionView, ...errors },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { notice, ref, places } = await readableNotice(app.db, actor, request.params.id);
    forbidUnless(canObject(actor, ref, places), 'object to this notice (residents of its compound or community do)');
    const ctx = ctxOf(app, request, actor);
    const row = await raiseObjection(ctx, ref, places, request.body.text);
    const view = { ...row, noticeTitle: notice.title, noticeCompoundId: notice.compoundId, noticeIssuerKind: notice.issuerKind };
    return reply.status(201).send(toObjectionView(view, ctx.now, false));
  });

  r.get('/notices/:id/objections', {
    schema: {
      tags: TAGS,
      summary: 'The objections to a notice with their answers and status (open, overdue, answered, answered late); the notice\u2019s managers',
      params: idParam,
      querystring: pageQuery,
      response: { 200: objectionList, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableNotice(app.db, actor, request.params.id);
    forbidUnless(canSeeObjections(actor, ref), 'see the objections to this notice');
    const { rows, total } = await objectionsOfNotice(app.db, ref, request.query);
    const now = app.clock.now();
    const answer = canAnswerObjections(actor, ref);
    return { items: rows.map((o) => toObjectionView(o, now, answer)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  r.post('/notices/:id/objections/:objectionId/answer', {
    schema: {
      tags: TAGS,
      summary: 'Answer an objection, once (audited); an answer after the reply deadline is recorded as late',
      params: objectionParams,
      body: answerInput,
      response: { 200: objectionView, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { notice, ref } = await readableNotice(app.db, actor, request.params.id);
    forbidUnless(canAnswerObjections(actor, ref), 'answer objections to this notice');
    const objection = await findObjection(app.db, ref, request.params.objectionId);
    if (!objection) throw notFound('Objection');
    const ctx = ctxOf(app, request, actor);
    const row = await answerObjection(ctx, objection, request.body.answer);
    return toObjectionView({ ...row, noticeTitle: notice.title, noticeCompoundId: notice.compoundId, noticeIssuerKind: notice.issuerKind }, ctx.now, true);
  });

  r.get('/communities/:id/overdue-objections', {
    schema: {
      tags: TAGS,
      summary: 'Unanswered objections past their reply deadline in a community, most overdue first (the notices you manage)',
      params: idParam,
      querystring: pageQuery,
      response: { 200: objectionList, ...errors },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    const managed = managedNoticesSql(actor, request.params.id);
    if (managed === null) throw notFound('Community');
    const now = app.clock.now();
    const { rows, total } = await overdueObjections(app.db, request.params.id, managed, now, request.query);
    return { items: rows.map((o) => toObjectionView(o, now, true)), total, page: request.query.page, pageSize: request.query.pageSize };
  });
}
