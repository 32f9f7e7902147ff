import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationStatus } from './db.ts';

const health = z.object({ status: z.literal('ok'), uptimeSeconds: z.number(), pid: z.number() });
const ready = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({ kind: z.string(), reachable: z.boolean(), error: z.string().optional() }),
  migrations: z.object({ expected: z.number(), applied: z.number(), current: z.boolean() }),
});

export async function healthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/healthz', { schema: { tags: ['platform'], summary: 'The process is up', response: { 200: health } } }, async () => ({
    status: 'ok' as const,
    uptimeSeconds: Math.round(process.uptime()),
    pid: process.pid,
  }));
  r.get('/readyz', {
    schema: { tags: ['platform'], summary: 'The database is reachable and its migrations are current', response: { 200: ready, 503: ready } },
  }, async (_request, reply) => {
    let reachable = true;
    let error: string | undefined;
    let migrations = { expected: 0, applied: 0 };
    try {
      await app.database.query('select 1');
      migrations = await migrationStatus(app.database);
    } catch (e) {
      reachable = false;
      error = (e as Error).message;
    }
    const current = reachable && migrations.applied === migrations.expected;
    return reply.status(current ? 200 : 503).send({
      status: current ? 'ready' : 'not_ready',
      database: { kind: app.database.kind, reachable, ...(error ? { error } : {}) },
      migrations: { ...migrations, current },
    });
  });
}
