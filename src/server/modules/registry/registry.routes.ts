import type { FastifyInstance } from 'fastify';

/** Registry endpoints: places, units, owners, residents, grids, organisations, roster import/export. */
export async function registryRoutes(app: FastifyInstance) {
  void app;
}
