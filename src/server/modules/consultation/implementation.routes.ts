import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { acceptImplementationBody, addTaskBody, matterView, rateMatterBody, recordResolutionBody, taskProgressBody } from '../../../contracts/consultation.ts';
import { errorBody } from '../../../contracts/errors.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { acceptImplementation } from './commands/accept-implementation.ts';
import { addTask } from './commands/add-task.ts';
import { rateMatter } from './commands/rate-matter.ts';
import { recordResolution } from './commands/record-resolution.ts';
import { reportTaskProgress } from './commands/report-task-progress.ts';
import { ctxOf, readableMatter, requireViewer, TAGS } from './consultation.access.ts';
import { matterDetail } from './consultation.detail.ts';
import type { Viewer } from './consultation.policy.ts';
import { attachmentContent } from './repo/attachments.ts';
import { findMatter } from './repo/matters.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const taskParams = z.object({ id: z.uuid(), taskId: z.uuid() });
const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

async function refreshed(db: Db, viewer: Viewer, id: string, now: Date) {
  return matterDetail(db, viewer, (await findMatter(db, id))!, now);
}

/** The resolution, implementation tasks with their evidence, acceptance and satisfaction. */
export async function implementationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/matters/:id/resolution', {
    schema: {
      tags: TAGS,
      summary: 'Record the resolution: { fromVote: true } takes over the published owners\u2019 vote (Art. 278 matters; a hand-entered text is refused), else the deciding body\u2019s text',
      params: idParam,
      body: recordResolutionBody,
      response: { 200: matterView, ...errors },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    await recordResolution(ctxOf(app, request, viewer), row, request.body);
    return refreshed(app.db, viewer, row.id, app.clock.now());
  });

  r.post('/matters/:id/tasks', {
    schema: { tags: TAGS, summary: 'Plan an implementation task: who does what by when', params: idParam, body: addTaskBody, response: { 201: matterView, ...errors } },
  }, async (request, reply) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    await addTask(ctxOf(app, request, viewer), row, request.body);
    return reply.status(201).send(await refreshed(app.db, viewer, row.id, app.clock.now()));
  });

  r.post('/matters/:id/tasks/:taskId/progress', {
    schema: {
      tags: TAGS,
      summary: 'Report a task\u2019s progress (%) with a note and photos or documents (base64, at most 2 MB each, 3 MB per update)',
      params: taskParams,
      body: taskProgressBody,
      response: { 200: matterView, ...errors },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    await reportTaskProgress(ctxOf(app, request, viewer), row, request.params.taskId, request.body);
    return refreshed(app.db, viewer, row.id, app.clock.now());
  });

  r.get('/matters/:id/attachments/:attachmentId', {
    schema: { tags: TAGS, summary: 'Download a photo or document of a task update', params: attachmentParams, response: { 200: z.any().describe('the file'), 401: errorBody, 404: errorBody } },
  }, async (request, reply) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    const file = await attachmentContent(app.db, row, request.params.attachmentId);
    if (!file) throw notFound('Attachment');
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-sha256', file.sha256)
      .send(file.content);
  });

  r.post('/matters/:id/acceptance', {
    schema: { tags: TAGS, summary: 'Accept the implementation, as the owners\u2019 committee or the residents\u2019 committee', params: idParam, body: acceptImplementationBody, response: { 200: matterView, ...errors } },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    await acceptImplementation(ctxOf(app, request, viewer), row, request.body);
    return refreshed(app.db, viewer, row.id, app.clock.now());
  });

  r.post('/matters/:id/ratings', {
    schema: { tags: TAGS, summary: 'Rate your satisfaction with the results (1–5, with a comment), once per household', params: idParam, body: rateMatterBody, response: { 200: matterView, ...errors } },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const row = await readableMatter(app.db, viewer, request.params.id);
    await rateMatter(ctxOf(app, request, viewer), row, request.body);
    return refreshed(app.db, viewer, row.id, app.clock.now());
  });
}
