import type { FastifyInstance } from 'fastify';
import { votesRoutes } from './votes.routes.ts';
import { lifecycleRoutes } from './lifecycle.routes.ts';
import { documentsRoutes } from './documents.routes.ts';
import { electorateRoutes } from './electorate.routes.ts';
import { ballotsRoutes } from './ballots.routes.ts';
import { paperRoutes } from './paper.routes.ts';
import { proxiesRoutes } from './proxies.routes.ts';
import { publicationRoutes } from './publication.routes.ts';
import { settingsRoutes } from './settings.routes.ts';

/** Owners' votes: convening, the life cycle, the electorate, ballots on every channel, progress and publication. */
export async function votingRoutes(app: FastifyInstance) {
  await app.register(votesRoutes);
  await app.register(lifecycleRoutes);
  await app.register(documentsRoutes);
  await app.register(electorateRoutes);
  await app.register(ballotsRoutes);
  await app.register(paperRoutes);
  await app.register(proxiesRoutes);
  await app.register(publicationRoutes);
  await app.register(settingsRoutes);
}
