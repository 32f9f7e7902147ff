import pg from 'pg';
import { migrate, openDatabase, type Database } from '../../src/server/platform/db.ts';

/**
 * Drops and re-creates a named scratch database on the PostgreSQL server that `adminUrl` reaches,
 * migrates it, and returns it with its URL.
 */
export async function scratchPostgres(adminUrl: string, name: string): Promise<{ database: Database; url: string }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ database: { kind: 'postgres', url: url.toString() } });
  await migrate(database);
  return { database, url: url.toString() };
}
