import fs from 'node:fs';
import path from 'node:path';
import { EXIT, parseCli, type CliCommand } from '../../command.ts';
import { loadConfig } from '../../../server/platform/config.ts';
import { migrate, openDatabase } from '../../../server/platform/db.ts';
import { projectRoot, webRoot } from '../../../server/platform/paths.ts';
import { buildApp } from '../../../server/app.ts';
import { testClockFromEnv } from '../../../server/platform/clock.ts';
import { demoAccounts, inspectDemo, loadDemoOnFirstStart } from '../../../server/demo/index.ts';

/** The newest modification time under a folder, to tell whether the web build is stale. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function buildWebIfNeeded(log: (s: string) => void) {
  const index = path.join(webRoot, 'index.html');
  const sources = [path.join(projectRoot, 'src/web'), path.join(projectRoot, 'src/contracts')];
  const newestSource = Math.max(...sources.filter((d) => fs.existsSync(d)).map(newestMtime));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSource) return;
  log('Building the web app (first start or sources changed)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}

export const serveCommand: CliCommand = {
  path: ['serve'],
  summary: 'Serve the API and the web app from one process',
  help: `Usage: siyi serve [--build-web]

Applies migrations, loads the demo district on first start (unless SIYI_DEMO=0), and serves the
API, the OpenAPI reference (/docs) and the web app on http://HOST:PORT. Every 30 s it opens
announced votes whose opening time has come and closes open votes whose closing time has passed.

Options:
  --build-web   build the web app first if it is missing or older than its sources

Environment:
  PORT (3000), HOST (127.0.0.1), DATABASE_URL (postgres://…; default: embedded PGlite),
  SIYI_DATA_DIR (./data), SIYI_DEMO (1; 0 skips the demo), SIYI_DEMO_SIZE (full | small),
  LOG_LEVEL (info), SIYI_VOTE_SCHEDULE (1; 0 leaves opening and closing votes to people);
  tests only: SIYI_CLOCK_OFFSET_FILE with SIYI_ALLOW_TEST_CLOCK=1 moves the app clock by the
  milliseconds in that file (browser journeys cross notice periods)`,
  async run(argv, io) {
    const { values } = parseCli(argv, { 'build-web': { type: 'boolean' } });
    const config = loadConfig();
    if (values['build-web']) await buildWebIfNeeded(io.err);
    const database = await openDatabase(config);
    await migrate(database);
    const testClock = testClockFromEnv(process.env);
    if (testClock) io.err(`TEST CLOCK: the app clock is moved by the offset in ${testClock.file} (SIYI_CLOCK_OFFSET_FILE); never use this in production`);
    const app = await buildApp({ config, database, voteSchedule: config.voteSchedule, ...(testClock ? { clock: testClock } : {}) });
    // the demo's accounts are printed only where the demo is (or is about to be): a database that
    // holds a real district has none of them
    const holdsDemo = config.loadDemo && (await inspectDemo(database)).kind !== 'other';
    const demo = config.loadDemo ? loadDemoOnFirstStart(database, config.demoSize, app.log) : null;
    const shutdown = async () => {
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await app.listen({ port: config.port, host: config.host });
    const url = `http://${config.host}:${config.port}`;
    io.out(`\nSiyi is running at ${url}  (API reference: ${url}/docs)`);
    io.out(`Database: ${database.kind === 'embedded' ? `embedded PGlite in ${config.database.kind === 'embedded' ? config.database.dataDir : ''}` : 'PostgreSQL'}`);
    if (demo && holdsDemo) {
      io.out('\nDemo accounts (password for staff: demo1234):');
      for (const a of demoAccounts(config.demoSize)) io.out(`  ${a.role.padEnd(18)} ${a.login.padEnd(16)} ${a.note}`);
    }
    if (demo) {
      const outcome = await demo;
      if (outcome.loaded) io.out(`\nDemo district loaded in ${(outcome.ms / 1000).toFixed(1)} s.`);
    }
    await new Promise(() => {});
    return EXIT.ok;
  },
};
