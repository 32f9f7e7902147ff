import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { demoStatusView } from '../../contracts/demo.ts';
import { demoStatusOf } from './status.ts';

/** GET /api/demo/status: public, so the login page can say "the demo is still loading". */
export async function demoRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/demo/status', {
    schema: {
      tags: ['demo'],
      summary: 'Progress of the demo district load (no login needed): state, communities done of total, message',
      security: [],
      response: { 200: demoStatusView },
    },
  }, async () => demoStatusOf(app.database));
}
