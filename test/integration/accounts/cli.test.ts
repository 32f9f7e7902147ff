import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type Database } from '../../../src/server/platform/db.ts';
import { adminUrl, postgresUrlFor, testDbKind } from '../../support/db.ts';
import { runCli, tempDataDir } from '../../support/cli.ts';
import { createTestApp } from '../../support/app.ts';
import { auditCount, buildDistrict, type DistrictFixture } from './fixtures.ts';

/**
 * The CLI opens its own database from the environment, as `siyi` does: a temporary data
 * directory for the embedded PGlite, or a fresh PostgreSQL database through DATABASE_URL. The
 * test opens the same database only while the CLI is not running (PGlite allows one opener).
 */
let env: Record<string, string | undefined>;
let open: () => Promise<Database>;
let cleanup: () => Promise<void>;
let a: DistrictFixture;

beforeAll(async () => {
  if (testDbKind === 'pglite') {
    const dir = tempDataDir();
    env = { SIYI_DATA_DIR: dir, DATABASE_URL: undefined };
    open = () => openDatabase({ database: { kind: 'embedded', dataDir: path.join(dir, 'pglite') } });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `siyi_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    await admin.end();
    env = { DATABASE_URL: postgresUrlFor(name) };
    open = () => openDatabase({ database: { kind: 'postgres', url: postgresUrlFor(name) } });
    cleanup = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  expect((await runCli(['migrate'], env)).code).toBe(0);
  a = await withDb((db) => buildDistrict(db.db, 1));
});
afterAll(() => cleanup());

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const siyi = (...args: string[]) => runCli(args, env);

describe('siyi user', () => {
  it('prints help for every sub-command', async () => {
    for (const verb of ['add', 'list', 'disable', 'enable']) {
      const res = await siyi('user', verb, '--help');
      expect(res.code).toBe(0);
      expect(res.out).toContain(`Usage: siyi user ${verb}`);
    }
  });

  it('adds a user with a generated password printed once, which logs in through the API', async () => {
    const res = await siyi('user', 'add', '--username', 'chen', '--name', '陈静', '--role', 'district_admin', '--scope', a.districtId, '--phone', '13800000099');
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain('district_admin of District 1');
    const password = res.out.match(/Password \(shown once\): (\S+)/)?.[1];
    expect(password).toHaveLength(16);

    await withDb(async (db) => {
      expect(await auditCount(db.db, 'accounts.user_created')).toBe(1);
      const t = await createTestApp({ ...db, close: async () => {} });
      try {
        const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chen', password } });
        expect(login.statusCode).toBe(200);
      } finally {
        await t.close();
      }
    });
  });

  it('takes --password and does not print it', async () => {
    const res = await siyi('user', 'add', '--username', 'wang', '--name', 'Wang', '--role', 'grid_worker', '--scope', a.gridId, '--password', 'given-password-1');
    expect(res.code).toBe(0);
    expect(res.out).not.toContain('given-password-1');
  });

  it('exits 2 naming the argument at fault', async () => {
    const cases: [string[], string][] = [
      [['--name', 'N', '--role', 'grid_worker', '--scope', a.gridId], '--username is required'],
      [['--username', 'ok-name', '--name', 'N', '--role', 'mayor', '--scope', a.gridId], '--role:'],
      [['--username', 'ok-name', '--name', 'N', '--role', 'grid_worker', '--scope', 'nope'], '--scope:'],
      [['--username', 'ok-name', '--name', 'N', '--role', 'grid_worker', '--scope', a.compoundId], '--scope: grid_worker needs a grid'],
      [['--username', 'ok-name', '--name', 'N', '--role', 'grid_worker', '--scope', a.gridId, '--phone', '123'], '--phone:'],
      [['--username', 'chen', '--name', 'N', '--role', 'grid_worker', '--scope', a.gridId], '--username: "chen" is taken'],
      [['--username', 'ok-name', '--bogus'], 'bogus'],
    ];
    for (const [args, message] of cases) {
      const res = await siyi('user', 'add', ...args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.err).toContain(message);
    }
    await withDb(async (db) => expect(await auditCount(db.db, 'accounts.user_created')).toBe(2));
  });

  it('lists users as a table and as JSON', async () => {
    const table = await siyi('user', 'list');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/chen\s+active\s+陈静: district_admin of District 1/);
    expect(table.out).toContain('2 account(s).');
    const json = await siyi('user', 'list', '--json', '--search', 'WANG');
    expect(JSON.parse(json.out)).toMatchObject([{ username: 'wang', grants: [{ role: 'grid_worker', scopeId: a.gridId, scopeName: 'Grid 1' }] }]);
  });

  it('disables and enables by username, one audit event each', async () => {
    const res = await siyi('user', 'disable', 'wang');
    expect(res.code).toBe(0);
    expect(res.out).toContain('Disabled wang');
    expect((await siyi('user', 'list')).out).toMatch(/wang\s+disabled/);
    const again = await siyi('user', 'disable', 'wang');
    expect(again.code).toBe(1);
    expect(again.err).toContain('already disabled');
    expect((await siyi('user', 'enable', 'wang')).code).toBe(0);
    await withDb(async (db) => {
      expect(await auditCount(db.db, 'accounts.user_disabled')).toBe(1);
      expect(await auditCount(db.db, 'accounts.user_enabled')).toBe(1);
    });
  });

  it('exits 2 for an unknown username or a missing one', async () => {
    const unknown = await siyi('user', 'disable', 'ghost');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no staff account named "ghost"');
    expect((await siyi('user', 'disable')).code).toBe(2);
  });
});
