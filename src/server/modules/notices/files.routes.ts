import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { fileParams, noticeFileView } from '../../../contracts/notices.ts';
import { notFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { invalid } from './commands/support.ts';
import { uploadFile, type UploadedFile } from './commands/upload-file.ts';
import { MAX_FILE_BYTES } from './domain/files.ts';
import { ctxOf, forbidUnless, readableNotice, TAGS } from './notices.access.ts';
import { canManageNotice, canReadPublicly } from './notices.policy.ts';
import { toFileView } from './notices.views.ts';
import { fileContent } from './repo/files.ts';
import { findNotice } from './repo/notices.ts';

const MB = MAX_FILE_BYTES / 1024 / 1024;

/** Reads a multipart upload: one `file` and an optional `note`; a file over the limit is a 400 naming `file`. */
async function receiveFile(request: FastifyRequest, kind: UploadedFile['kind']): Promise<UploadedFile> {
  if (!request.isMultipart()) throw invalid([{ path: 'file', message: 'required: send multipart/form-data with the file in a "file" field' }]);
  let note: string | null = null;
  let file: { name: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } })) {
      if (part.type === 'field') {
        if (part.fieldname === 'note') note = String(part.value);
      } else if (part.fieldname === 'file' && !file) {
        file = { name: part.filename || kind, content: await part.toBuffer() };
      } else {
        part.file.resume();
      }
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw invalid([{ path: 'file', message: `is larger than ${MB} MB` }], 'file_too_large');
    throw e;
  }
  if (!file) throw invalid([{ path: 'file', message: 'required: attach the file' }]);
  if (note && note.length > 500) throw invalid([{ path: 'note', message: 'must be at most 500 characters' }]);
  return { kind, ...file, note };
}

/** Attachments of drafts, photos proving a notice was posted, and downloading either. */
export async function filesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

  r.post('/notices/:id/proofs', {
    schema: {
      tags: TAGS,
      summary: 'Upload a photo proving the published notice is posted (stored with size, SHA-256, time and uploader)',
      description: `multipart/form-data: \`file\` (a JPEG, PNG, WebP, GIF or HEIC photo, at most ${MB} MB, type judged from the bytes) and an optional \`note\` (where it hangs).`,
      consumes: ['multipart/form-data'],
      params: idParam,
      response: { 201: noticeFileView, ...errors },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { ref } = await readableNotice(app.db, actor, request.params.id);
    forbidUnless(canManageNotice(actor, ref), 'upload proofs of posting for this notice');
    const row = await uploadFile(ctxOf(app, request, actor), ref, await receiveFile(request, 'proof'));
    return reply.status(201).send(toFileView(row, false));
  });

  r.post('/notices/:id/attachments', {
    schema: {
      tags: TAGS,
      summary: 'Attach a PDF or image to a draft (a published notice does not change)',
      description: `multipart/form-data: \`file\` (PDF or image, at most ${MB} MB).`,
      consumes: ['multipart/form-data'],
      params: idParam,
      response: { 201: noticeFileView, ...errors },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { ref } = await readableNotice(app.db, actor, request.params.id);
    forbidUnless(canManageNotice(actor, ref), 'attach files to this notice');
    const row = await uploadFile(ctxOf(app, request, actor), ref, await receiveFile(request, 'attachment'));
    return reply.status(201).send(toFileView(row, false));
  });

  r.get('/notices/:id/files/:fileId', {
    schema: {
      tags: TAGS,
      summary: 'Download an attachment or proof photo; those of a published notice need no login',
      params: fileParams,
      response: { 200: z.any().describe('the file'), 401: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    const notice = await findNotice(app.db, request.params.id);
    if (!notice) throw notFound('Notice');
    // a draft's attachments: those who read the draft (its managers); the same 404 as a missing notice otherwise
    if (!canReadPublicly(notice)) {
      if (!request.actor) throw notFound('Notice');
      await readableNotice(app.db, request.actor, notice.id);
    }
    const file = await fileContent(app.db, notice, request.params.fileId);
    if (!file) throw notFound('File');
    return reply
      .header('content-type', file.mimeType)
      .header('x-content-sha256', file.sha256)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${file.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.content);
  });
}
