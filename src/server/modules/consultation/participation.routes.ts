import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, pageQuery } from '../../../contracts/common.ts';
import { attachSurveyBody, commentBody, commentList, commentView, hideCommentBody, householdBody, matterView, surveyAnswerBody } from '../../../contracts/consultation.ts';
import { errorBody } from '../../../contracts/errors.ts';
import type { Db } from '../../platform/db.ts';
import { answerSurvey } from './commands/answer-survey.ts';
import { attachSurvey } from './commands/attach-survey.ts';
import { cosignMatter } from './commands/cosign-matter.ts';
import { hideComment } from './commands/hide-comment.ts';
import { postComment } from './commands/post-comment.ts';
import { supportMatter } from './commands/support-matter.ts';
import { ctxOf, readableMatter, requireViewer, TAGS } from './consultation.access.ts';
import { matterDetail } from './consultation.detail.ts';
import { canModerate, type Viewer } from './consultation.policy.ts';
import { listComments, type CommentRow } from './repo/comments.ts';
import { findMatter } from './repo/matters.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const commentParams = z.object({ id: z.uuid(), commentId: z.uuid() });

const toCommentView = (viewer: Viewer, c: CommentRow) => ({
  id: c.id,
  author: c.author,
  body: c.hiddenAt ? null : c.body,
  hidden: c.hiddenAt !== null,
  hiddenReason: c.hiddenReason,
  createdAt: c.createdAt.toISOString(),
  abilities: { hide: c.hiddenAt === null && canModerate(viewer.actor, c) },
});

async function refreshed(db: Db, viewer: Viewer, id: string, now: Date) {
  return matterDetail(db, viewer, (await findMatter(db, id))!, now);
}

/** Consultation: co-signatures while proposed; support, comments and the survey while consulting. */
export async function participationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const household = { params: idParam, body: householdBody, response: { 200: matterView, ...errors } };

  r.post('/matters/:id/cosign', {
    schema: { tags: TAGS, summary: 'Co-sign a residents\u2019 matter for your household (once per household, same compound)', ...household },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    await cosignMatter(ctxOf(app, request, viewer), row, request.body);
    return refreshed(app.db, viewer, row.id, app.clock.now());
  });

  r.post('/matters/:id/support', {
    schema: { tags: TAGS, summary: 'Support a matter during consultation, once per household', ...household },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    await supportMatter(ctxOf(app, request, viewer), row, request.body);
    return refreshed(app.db, viewer, row.id, app.clock.now());
  });

  r.get('/matters/:id/comments', {
    schema: {
      tags: TAGS,
      summary: 'The matter\u2019s comments, oldest first; hidden ones keep their place without their text',
      params: idParam,
      querystring: pageQuery,
      response: { 200: commentList, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    const { page, pageSize } = request.query;
    const { rows, total } = await listComments(app.db, row, { page, pageSize });
    return { items: rows.map((c) => toCommentView(viewer, c)), total, page, pageSize };
  });

  r.post('/matters/:id/comments', {
    schema: { tags: TAGS, summary: 'Comment on a matter during consultation', params: idParam, body: commentBody, response: { 201: commentView, ...errors } },
  }, async (request, reply) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    const comment = await postComment(ctxOf(app, request, viewer), row, request.body);
    return reply.status(201).send(toCommentView(viewer, comment));
  });

  r.post('/matters/:id/comments/:commentId/hide', {
    schema: {
      tags: TAGS,
      summary: 'Moderators (community staff): hide a comment with a reason; it shows as hidden and stays in the audit trail',
      params: commentParams,
      body: hideCommentBody,
      response: { 200: commentView, ...errors },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    const comment = await hideComment(ctxOf(app, request, viewer), row, request.params.commentId, request.body);
    return toCommentView(viewer, comment);
  });

  r.post('/matters/:id/survey', {
    schema: { tags: TAGS, summary: 'Community staff: attach a short survey (single or multiple choice) before or during consultation', params: idParam, body: attachSurveyBody, response: { 200: matterView, ...errors } },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    await attachSurvey(ctxOf(app, request, viewer), row, request.body);
    return refreshed(app.db, viewer, row.id, app.clock.now());
  });

  r.post('/matters/:id/survey/responses', {
    schema: { tags: TAGS, summary: 'Answer the matter\u2019s survey for your household, once', params: idParam, body: surveyAnswerBody, response: { 200: matterView, ...errors } },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    await answerSurvey(ctxOf(app, request, viewer), row, request.body);
    return refreshed(app.db, viewer, row.id, app.clock.now());
  });
}
