import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './platform/config.ts';
import type { Database, Db } from './platform/db.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { registerErrorHandler } from './platform/errors.ts';
import { healthRoutes } from './platform/health.routes.ts';
import { webRoot } from './platform/paths.ts';
import { accountsRoutes, authPlugin } from './modules/accounts/index.ts';
import { registryRoutes } from './modules/registry/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { noticesRoutes } from './modules/notices/index.ts';
import { proxyLoginSource, scheduleVotes, votingRoutes } from './modules/voting/index.ts';
import { consultationRoutes } from './modules/consultation/index.ts';
import { meetingsRoutes } from './modules/meetings/index.ts';
import { demoRoutes } from './demo/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Db;
    clock: Clock;
  }
}

export type App = FastifyInstance;

export interface BuildOptions {
  config: Config;
  database: Database;
  /** serve the built web app from dist/web when it exists (default true) */
  serveWeb?: boolean;
  /** the time commands see; tests pass a ManualClock */
  clock?: Clock;
  /**
   * open and close votes on time by themselves (voting.scheduler.ts): true ticks every 30 s.
   * Off unless asked, so tests move votes by hand; `siyi serve` asks unless SIYI_VOTE_SCHEDULE=0.
   */
  voteSchedule?: boolean | { everyMs: number };
}

/** The whole server: platform plugins first, then each module's routes under /api. */
export async function buildApp({ config, database, serveWeb = true, clock = systemClock, voteSchedule = false }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    requestIdHeader: false,
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('clock', clock);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Siyi API', description: 'Community governance: registry, accounts, audit, votes and the four-deliberation procedure.', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'siyi_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  registerErrorHandler(app);
  await app.register(authPlugin);

  await app.register(healthRoutes);
  // Modules above accounts that let a phone without units log in by code, stated here rather than
  // registered by import: a vote's proxy holder who owns and rents nothing.
  await app.register(accountsRoutes, { prefix: '/api', loginPhoneSources: [proxyLoginSource] });
  await app.register(registryRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(noticesRoutes, { prefix: '/api' });
  await app.register(votingRoutes, { prefix: '/api' });
  await app.register(consultationRoutes, { prefix: '/api' });
  await app.register(meetingsRoutes, { prefix: '/api' });
  await app.register(demoRoutes, { prefix: '/api' });
  if (voteSchedule) scheduleVotes(app, voteSchedule === true ? {} : voteSchedule);

  if (serveWeb && fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // client-side routes: every non-API GET that is not a file gets the app shell
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const url = request.url.split('?')[0];
      if (url.startsWith('/api/') || url.startsWith('/docs')) {
        return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${url}` } });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
