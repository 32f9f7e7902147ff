import pg from 'pg';
import { migrate, openDatabase } from '../../src/server/platform/db.ts';
import { adminUrl, postgresUrlFor, TEMPLATE_DB } from './db.ts';

/**
 * Prepares a migrated template database once per run. A PostgreSQL server is required: the
 * postgres layer never skips (CI starts the server in .ci/run).
 */
export default async function setup() {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${adminUrl} (${(e as Error).message}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
  }
  const stale = await admin.query(`select datname from pg_database where datname like 'siyi_t_%'`);
  for (const row of stale.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ database: { kind: 'postgres', url: postgresUrlFor(TEMPLATE_DB) } });
  await migrate(database);
  await database.close();
}
