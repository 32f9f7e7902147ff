import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../src/server/platform/db.ts';
import { adminUrl, postgresUrlFor } from './db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

/**
 * Prepares a migrated template database once per run, named for this run so that parallel runs
 * do not trample each other. A PostgreSQL server is required: the postgres layer never skips
 * (CI starts the server in .ci/run).
 */
export default async function setup(project: TestProject) {
  const template = `siyi_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${adminUrl} (${(e as Error).message}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
  }
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ database: { kind: 'postgres', url: postgresUrlFor(template) } });
  await migrate(database);
  await database.close();
  project.provide('pgTemplate', template);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
