import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { adminUrl, postgresUrlFor, testDbKind } from '../../support/db.ts';
import { runCli, tempDataDir } from '../../support/cli.ts';

// `siyi demo` opens the database the environment selects: a temporary PGlite data directory,
// or a fresh PostgreSQL database through DATABASE_URL.
let env: Record<string, string | undefined>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (testDbKind === 'pglite') {
    const dir = tempDataDir();
    env = { SIYI_DATA_DIR: dir, DATABASE_URL: undefined };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `siyi_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    await admin.end();
    env = { DATABASE_URL: postgresUrlFor(name) };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
});
afterAll(() => cleanup());

const siyi = (...args: string[]) => runCli(args, env);

describe('siyi demo', () => {
  it('prints its help', async () => {
    const res = await siyi('demo', '--help');
    expect(res.code).toBe(0);
    expect(res.out).toContain('Usage: siyi demo [--small] [--seed N]');
  });

  it('rejects a bad seed or an unknown option with exit 2, naming it', async () => {
    const seed = await siyi('demo', '--small', '--seed', 'abc');
    expect(seed.code).toBe(2);
    expect(seed.err).toContain('--seed: "abc"');
    const big = await siyi('demo', '--seed', '4294967296');
    expect(big.code).toBe(2);
    const unknown = await siyi('demo', '--force');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--force');
  });

  // three CLI runs, each opening and migrating the database: slow on a busy machine
  it('loads the small demo, prints the accounts, and refuses a second load with exit 2', { timeout: 180_000 }, async () => {
    const first = await siyi('demo', '--small');
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain('3/3 communities');
    expect(first.out).toContain('loaded: 3 communities');
    for (const login of ['admin', 'street1', 'community1', 'community2', 'grid1', 'committee1', 'property1', '13900000001', '13900000002']) {
      expect(first.out).toContain(` ${login} `);
    }
    const again = await siyi('demo', '--small');
    expect(again.code).toBe(2);
    expect(again.err).toContain('already loaded');
    const other = await siyi('demo', '--seed', '5');
    expect(other.code).toBe(2);
    expect(other.err).toContain('cannot take the full demo with seed 5');
  });
});
