import type { FastifyInstance } from 'fastify';
import { placesRoutes } from './places.routes.ts';
import { communitiesRoutes } from './communities.routes.ts';
import { communityBodiesRoutes } from './community-bodies.routes.ts';
import { compoundsRoutes } from './compounds.routes.ts';
import { compoundPeopleRoutes } from './compound-people.routes.ts';
import { unitsRoutes } from './units.routes.ts';
import { rosterRoutes } from './roster/roster.routes.ts';

/** Registry endpoints: places, communities, compounds, units, owners, residents, grids, organisations, roster import/export. */
export async function registryRoutes(app: FastifyInstance) {
  await app.register(placesRoutes);
  await app.register(communitiesRoutes);
  await app.register(communityBodiesRoutes);
  await app.register(compoundsRoutes);
  await app.register(compoundPeopleRoutes);
  await app.register(unitsRoutes);
  await app.register(rosterRoutes);
}
