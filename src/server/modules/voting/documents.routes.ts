import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors.ts';
import { documentFields, documentView } from '../../../contracts/voting.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { MAX_DOCUMENT_BYTES, uploadDocument, type UploadedFile } from './commands/upload-document.ts';
import { documentContent } from './repo/votes.ts';
import { forbidUnless, readableVote, visibleVote } from './voting.access.ts';
import { ctxOf, TAGS } from './voting.http.ts';
import { canAdministerBallots, canManageVote, canReadDocument } from './voting.policy.ts';
import { toDocumentView } from './voting.views.ts';

const documentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

/** Reads a multipart upload: one `file` and its `kind`. */
async function receiveDocument(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new AppError('validation_failed', 'file: send multipart/form-data with the document in a "file" field', { issues: [{ path: 'file', message: 'required' }] });
  }
  const fields: Record<string, string> = {};
  let file: { name: string; mimeType: string; content: Buffer } | null = null;
  for await (const part of request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } })) {
    if (part.type === 'field') fields[part.fieldname] = String(part.value);
    else if (part.fieldname === 'file' && !file) file = { name: part.filename || 'document', mimeType: part.mimetype, content: await part.toBuffer() };
    else part.file.resume();
  }
  if (!file) throw new AppError('validation_failed', 'file: required: attach the document', { issues: [{ path: 'file', message: 'required' }] });
  const parsed = documentFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0]);
    throw new AppError('validation_failed', `${field}: ${issue.message}`, { issues: [{ path: field, message: issue.message }] });
  }
  return { ...file, kind: parsed.data.kind };
}

/** The vote's documents: notices and attachments of the draft, and proxies' written authorisations. */
export async function documentsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/votes/:id/documents', {
    schema: {
      tags: TAGS,
      summary: 'Upload a document (stored with its size and SHA-256): a notice or attachment to a draft, or a proxy\u2019s written authorisation',
      description: 'multipart/form-data: `file` (at most 20 MB) and `kind` (notice | attachment | proxy_authorisation; default attachment).',
      consumes: ['multipart/form-data'],
      params: z.object({ id: z.uuid() }),
      response: { 201: documentView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canManageVote(actor, ref) || canAdministerBallots(actor, ref), 'upload documents to this vote');
    const upload = await receiveDocument(request);
    if (upload.kind === 'proxy_authorisation') forbidUnless(canAdministerBallots(actor, ref), 'upload proxy authorisations to this vote');
    else forbidUnless(canManageVote(actor, ref), 'upload documents to this vote');
    const row = await uploadDocument(ctxOf(app, request, actor), ref, upload);
    return reply.status(201).send(toDocumentView(row));
  });

  r.get('/votes/:id/documents/:documentId', {
    schema: {
      tags: TAGS,
      summary: 'Download a document; notices and attachments of a published vote need no login',
      params: documentParams,
      response: { 200: z.any().describe('the file'), 401: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    const { vote, ref, relation } = await visibleVote(app.db, request.actor, request.params.id);
    const doc = await documentContent(app.db, vote, request.params.documentId);
    if (!doc || !canReadDocument(request.actor, ref, doc.kind, relation)) throw notFound('Document');
    return reply
      .header('content-type', doc.mimeType)
      .header('x-content-sha256', doc.sha256)
      .header('content-disposition', `attachment; filename="${doc.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
      .send(doc.content);
  });
}
