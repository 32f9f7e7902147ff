import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../../src/server/platform/config.ts';
import { migrate, openDatabase } from '../../../src/server/platform/db.ts';
import { systemActor } from '../../../src/server/platform/actor.ts';
import { createDistrict } from '../../../src/server/modules/registry/index.ts';
import { tempDataDir } from '../../support/cli.ts';

// `siyi serve` prints the demo's accounts where the demo is (or is being loaded), and not over a
// database that holds a real district, whose people would otherwise be told of logins that do
// not exist. The server runs as a user starts it: a child process on the embedded database.

const freePort = () => new Promise<number>((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  });
});

/** Starts `siyi serve`, collects what it prints just after it starts, and stops it. */
async function serveOutput(dataDir: string): Promise<string> {
  const port = await freePort();
  const { DATABASE_URL: _embedded, ...env } = process.env;
  const child = spawn(process.execPath, [path.resolve('bin/siyi.js'), 'serve'], {
    env: { ...env, PORT: String(port), SIYI_DATA_DIR: dataDir, SIYI_DEMO: '1', SIYI_DEMO_SIZE: 'small', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  try {
    await new Promise<void>((resolve, reject) => {
      let settling: NodeJS.Timeout | null = null;
      child.stdout.on('data', (d) => {
        out += d;
        // the accounts, if any, are printed at once after the database line
        if (out.includes('Database: ') && !settling) settling = setTimeout(resolve, 1500);
      });
      child.once('exit', (code) => reject(new Error(`siyi serve exited ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`no start within 60 s: ${out}`)), 60_000);
    });
  } finally {
    child.kill('SIGTERM');
  }
  return out;
}

describe.runIf(process.env.SIYI_TEST_DB === 'pglite')('siyi serve and the demo accounts', () => {
  it('prints the demo accounts on an empty database, which it fills with the demo', async () => {
    const out = await serveOutput(tempDataDir());
    expect(out).toContain('Siyi is running');
    expect(out).toContain('Demo accounts (password for staff: demo1234)');
  });

  it('prints none over a database that holds a real district', async () => {
    const dataDir = tempDataDir();
    const database = await openDatabase(loadConfig({ SIYI_DATA_DIR: dataDir }));
    await migrate(database);
    await createDistrict({ db: database.db, actor: systemActor('test') }, { code: 'RD', name: '真实区' });
    await database.close();
    const out = await serveOutput(dataDir);
    expect(out).toContain('Siyi is running');
    expect(out).not.toContain('Demo accounts');
  });
});
