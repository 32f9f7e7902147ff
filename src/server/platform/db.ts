import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from '../schema.ts';
import type { Config } from './config.ts';

export type Schema = typeof schema;
/** The database handle every module uses: the same type for PGlite, PostgreSQL and a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'postgres';
  /** raw SQL with $1 parameters, for bulk work drizzle has no builder for (unnest inserts) */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** several statements without parameters, e.g. a SQL script */
  exec(script: string): Promise<void>;
  /** embedded only: an image of the whole data directory, to open copies from (see OpenOptions) */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Embedded only: start from this image of a data directory (from dumpDataDir) instead of a new
   * cluster. The test suite opens every file's database from one migrated image: creating and
   * migrating a cluster costs PGlite about three times as much CPU as loading one.
   */
  loadDataDir?: Blob;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const migrationsFolder = path.join(root, 'db/migrations');
const extrasFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'db-extras.sql');

export async function openDatabase(config: Pick<Config, 'database'>, options: OpenOptions = {}): Promise<Database> {
  if (config.database.kind === 'postgres') {
    const { default: pg } = await import('pg');
    // bigint counts come back as numbers; our counts are far below 2^53
    pg.types.setTypeParser(20, (v: string) => Number(v));
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: config.database.url, max: 20 });
    // An idle connection the server drops (restart, admin kill) must not crash the process; the
    // pool replaces it on next use.
    pool.on('error', (e) => process.emitWarning(`PostgreSQL idle connection error: ${e.message}`));
    const db = drizzle(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      async query(text, params = []) {
        return (await pool.query(text, params)).rows;
      },
      async exec(script) {
        await pool.query(script);
      },
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = config.database.dataDir;
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir ?? undefined, {
    parsers: { 20: (v: string) => Number(v) },
    loadDataDir: options.loadDataDir,
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'embedded',
    async query(text, params = []) {
      return (await client.query(text, params)).rows as never[];
    },
    async exec(script) {
      await client.exec(script);
    },
    dumpDataDir: () => client.dumpDataDir('none'),
    close: () => client.close(),
  };
}

/** Applies the migrations, then the idempotent extras drizzle-kit cannot express (triggers). */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    await run(database.db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(database.db as never, { migrationsFolder });
  }
  await database.exec(fs.readFileSync(extrasFile, 'utf8'));
}

/** How many migrations exist on disk and how many the database has applied. */
export async function migrationStatus(database: Database): Promise<{ expected: number; applied: number }> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
  const expected = journal.entries.length as number;
  try {
    const rows = await database.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    return { expected, applied: rows[0].n };
  } catch {
    return { expected, applied: 0 };
  }
}

const dialect = new PgDialect();

/**
 * Runs a statement as a named prepared statement: PostgreSQL parses it once per connection and,
 * after a few runs, keeps its plan. For statements sent many times a second that cost more to
 * plan than to run (the ballot intake's, the audit append). Under one name the text must never
 * change, only the parameters. The embedded database ignores the name.
 */
export function executePrepared(db: Db, name: string, query: SQL): Promise<unknown> {
  return db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
}

/** The rows of db.execute(), whose result type differs between the two drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
