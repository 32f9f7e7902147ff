import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../../contracts/common.ts';
import { errorBody } from '../../../../contracts/errors.ts';
import { rosterImportAccepted, rosterImportFields, rosterImportQuery, rosterImportView } from '../../../../contracts/roster.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireActor } from '../../../platform/request-actor.ts';
import { canExportRoster, canImportRoster, canSeePhonesInCompound } from '../registry.policy.ts';
import { forbidUnless, readableCompound } from '../registry.access.ts';
import { exportRoster, rosterFileName } from './commands/export-roster.ts';
import { findRosterImport, rosterImportView as viewOf, rosterJobsSettled, startRosterImport } from './roster.jobs.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams the multipart upload to a temporary file; returns it with the form fields. */
async function receiveUpload(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw new AppError('validation_failed', 'file: send multipart/form-data with the roster in a "file" field', { issues: [{ path: 'file', message: 'required' }] });
  }
  const fields: Record<string, string> = {};
  let upload: { file: string; fileName: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname !== 'file' || upload) {
        part.file.resume();
      } else {
        const file = path.join(os.tmpdir(), `siyi-roster-${randomUUID()}`);
        upload = { file, fileName: part.filename || 'roster' };
        await pipeline(part.file, fs.createWriteStream(file));
      }
    }
  } catch (e) {
    if (upload) fs.rmSync(upload.file, { force: true });
    throw e;
  }
  const parsed = rosterImportFields.safeParse(fields);
  if (!upload || !parsed.success) {
    if (upload) fs.rmSync(upload.file, { force: true });
    const issue = upload ? parsed.error!.issues[0] : { path: ['file'], message: 'required: attach the roster (XLSX or CSV)' };
    const field = String(issue.path[0]);
    throw new AppError('validation_failed', `${field}: ${issue.message}`, { issues: [{ path: field, message: issue.message }] });
  }
  return { ...upload, ...parsed.data };
}

/** Roster import (background job with progress) and export. Registered by registry.routes.ts under /api. */
export async function rosterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // a job still running must finish before the server closes the database under it
  app.addHook('onClose', async () => rosterJobsSettled());

  r.post('/compounds/:id/roster-imports', {
    schema: {
      tags: ['registry'],
      summary: "Check (dryRun=true, the default) or import a compound's roster from XLSX or CSV; poll the returned job",
      description: 'multipart/form-data: `file` (XLSX or CSV, UTF-8 or GB18030), `dryRun` (true|false, default true), `createBuildings` (true|false, default false). The columns are described in docs/rules/roster.md.',
      consumes: ['multipart/form-data'],
      params: idParam,
      response: { 202: rosterImportAccepted, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 413: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const compound = await readableCompound(app.db, actor, request.params.id);
    forbidUnless(canImportRoster(actor, compound), "import this compound's roster");
    const upload = await receiveUpload(request);
    const id = await startRosterImport(
      { db: app.db, embedded: app.database.kind === 'embedded', log: request.log },
      { db: app.db, actor, requestId: request.id },
      compound,
      { ...upload, secret: app.config.secret },
    );
    return reply.status(202).send({ id });
  });

  r.get('/roster-imports/:id', {
    schema: {
      tags: ['registry'],
      summary: 'A roster import: status, rows processed, one page of its problems, and what it changed',
      params: idParam,
      querystring: rosterImportQuery,
      response: { 200: rosterImportView, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findRosterImport(app.db, request.params.id);
    if (!row || !canImportRoster(actor, { id: row.compoundId, communityId: row.communityId })) throw new AppError('not_found', 'Roster import not found');
    return viewOf(row, request.query, app.database.kind === 'embedded');
  });

  r.get('/compounds/:id/roster.xlsx', {
    schema: {
      tags: ['registry'],
      summary: "Download the compound's roster as XLSX, in the columns the import reads (with no units: the blank template)",
      params: idParam,
      produces: [XLSX_TYPE],
      response: { 200: z.any().describe('the XLSX workbook'), 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const ref = await readableCompound(app.db, actor, request.params.id);
    forbidUnless(canExportRoster(actor, ref), "export this compound's roster");
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    const { compound } = await exportRoster(app.db, ref, sink, { phones: canSeePhonesInCompound(actor, ref) });
    await finished(sink);
    const name = rosterFileName(compound);
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(Buffer.concat(chunks));
  });
}
