import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/platform/db.ts';

/** The admin connection for creating test databases; override with SIYI_TEST_PG. */
export const adminUrl = process.env.SIYI_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const testDbKind = (process.env.SIYI_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

function urlFor(name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite loaded from the migrated image
 * that pglite-global.ts saves, or a new PostgreSQL database copied from the migrated template that
 * postgres-global.ts prepares. close() drops it.
 */
export async function freshDatabase(): Promise<Database> {
  if (testDbKind === 'pglite') {
    const image = new Blob([fs.readFileSync(inject('pgliteImage'))]);
    return openDatabase({ database: { kind: 'embedded', dataDir: null } }, { loadDataDir: image });
  }
  const name = `siyi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
  await admin.end();
  const database = await openDatabase({ database: { kind: 'postgres', url: urlFor(name) } });
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export { urlFor as postgresUrlFor };
