import type { FastifyInstance } from 'fastify';
import { implementationRoutes } from './implementation.routes.ts';
import { mattersRoutes } from './matters.routes.ts';
import { participationRoutes } from './participation.routes.ts';
import { settingsRoutes } from './settings.routes.ts';
import { viewsRoutes } from './views.routes.ts';

/** The four-deliberation procedure: matters, their steps, consultation, resolution, implementation, views, settings. */
export async function consultationRoutes(app: FastifyInstance) {
  await app.register(mattersRoutes);
  await app.register(participationRoutes);
  await app.register(implementationRoutes);
  await app.register(viewsRoutes);
  await app.register(settingsRoutes);
}
