import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

// Builds the web app when it is missing or older than its sources, starts the real server on a
// fresh embedded database with the small demo, waits until it is ready and the demo is loaded,
// hands the base URL to the journeys (inject('baseUrl')), and stops the server afterwards.

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** the test clock's offset file (ms the server's app clock runs ahead); '' when the server has none */
    clockOffsetFile: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READY_TIMEOUT_MS = 120_000;
const DEMO_TIMEOUT_MS = 240_000;

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (stat.isFile()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function buildWebIfStale() {
  const index = path.join(root, 'dist/web/index.html');
  const sources = ['src/web', 'src/contracts', 'vite.config.ts'].map((p) => newestMtime(path.join(root, p)));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(...sources)) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A condition that will not change by waiting: stop polling at once. */
class Fatal extends Error {}

/** Polls `check` until it returns a value; fails early when the server process has exited. */
async function waitFor<T>(what: string, timeoutMs: number, child: ChildProcess, log: () => string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) while waiting for ${what}:\n${log()}`);
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      if (e instanceof Fatal) throw new Error(`${e.message}\n${log()}`);
      lastError = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250)); // polling interval, not a fixed wait for an outcome
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? ` (${lastError})` : ''}:\n${log()}`);
}

export default async function setup(project: TestProject) {
  // journeys against a server you already run (e.g. while working on the web app)
  if (process.env.SIYI_E2E_BASE_URL) {
    project.provide('baseUrl', process.env.SIYI_E2E_BASE_URL.replace(/\/$/, ''));
    project.provide('clockOffsetFile', process.env.SIYI_CLOCK_OFFSET_FILE ?? '');
    return;
  }
  await buildWebIfStale();

  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyi-e2e-'));
  const clockOffsetFile = path.join(dataDir, 'clock-offset-ms');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SIYI_DATA_DIR: dataDir,
    SIYI_DEMO: '1',
    SIYI_DEMO_SIZE: 'small',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // test-only clock (src/server/platform/clock.ts): the vote journey crosses a 15-day notice
    SIYI_ALLOW_TEST_CLOCK: '1',
    SIYI_CLOCK_OFFSET_FILE: clockOffsetFile,
    // the vote journey opens and closes votes by hand as the clock moves: no schedule racing it
    SIYI_VOTE_SCHEDULE: '0',
  };
  delete env.DATABASE_URL; // the journeys run on the embedded database, where the dev mailbox exists
  const child = spawn(process.execPath, ['bin/siyi.js', 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const log = () => output.split('\n').slice(-40).join('\n');
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitFor('/readyz', READY_TIMEOUT_MS, child, log, async () => ((await fetch(`${baseUrl}/readyz`)).ok ? true : undefined));
    await waitFor('the small demo to load', DEMO_TIMEOUT_MS, child, log, async () => {
      const res = await fetch(`${baseUrl}/api/demo/status`);
      if (!res.ok) throw new Error(`GET /api/demo/status answered ${res.status}`);
      const status = (await res.json()) as { state: string; message?: string };
      if (status.state === 'failed') throw new Fatal(`the demo failed to load: ${status.message}`);
      return status.state === 'done' ? true : undefined;
    });
  } catch (e) {
    await stop();
    throw e;
  }

  project.provide('baseUrl', baseUrl);
  project.provide('clockOffsetFile', clockOffsetFile);
  return stop;
}
