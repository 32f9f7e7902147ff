import type { FastifyInstance } from 'fastify';
import { draftsRoutes } from './drafts.routes.ts';
import { filesRoutes } from './files.routes.ts';
import { objectionsRoutes } from './objections.routes.ts';
import { publicRoutes } from './public.routes.ts';
import { residentRoutes } from './resident.routes.ts';
import { settingsRoutes } from './settings.routes.ts';

/** Notices (公示) and objections (异议): staff drafting and publishing, files, objections, residents' views, public pages, settings. */
export async function noticesRoutes(app: FastifyInstance) {
  await app.register(draftsRoutes);
  await app.register(filesRoutes);
  await app.register(objectionsRoutes);
  await app.register(residentRoutes);
  await app.register(publicRoutes);
  await app.register(settingsRoutes);
}
