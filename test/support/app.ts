import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import type { Database } from '../../src/server/platform/db.ts';
import { freshDatabase } from './db.ts';
import type { Clock } from '../../src/server/platform/clock.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** A server on a fresh database, driven with app.inject(); no port is opened. */
export async function createTestApp(database?: Database, options: { clock?: Clock } = {}): Promise<TestApp> {
  const db = database ?? (await freshDatabase());
  const config = loadConfig({ LOG_LEVEL: 'silent', SIYI_DEMO: '0' });
  const app = await buildApp({ config, database: db, serveWeb: false, clock: options.clock });
  await app.ready();
  return {
    app,
    database: db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'siyi_session');
  if (!cookie) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `siyi_session=${cookie.value}`;
}

/** Logs a staff member in through the API and returns the Cookie header to send. */
export async function loginStaff(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return sessionCookieOf(res);
}
