import type { FastifyBaseLogger } from 'fastify';
import type { DemoAccount } from '../../contracts/demo.ts';
import type { Database } from '../platform/db.ts';
import { demoAccountSpecsFor } from './accounts.ts';
import { inspectDemo, loadDemo, refusalOf } from './load.ts';
import { DEFAULT_SEED, profiles, type DemoSize } from './plan.ts';
import { setDemoStatus } from './status.ts';

// The demo district's public face: serve.ts, the `siyi demo` command, the tests and the bench
// use only what is exported here.
export { loadDemo, inspectDemo, refusalOf, type DemoInspection, type DemoProgress, type LoadDemoResult } from './load.ts';
export { demoStatusOf } from './status.ts';
export { demoRoutes } from './demo.routes.ts';
export { DEFAULT_SEED, profiles, type DemoSize } from './plan.ts';
export { DEMO_OWNER_PHONES } from './generate.ts';
export type { LoadStats } from './bulk-insert.ts';
export type { DemoAccount };

/**
 * Loads the demo district (default seed) if the database holds no district yet, or finishes a
 * demo load that an earlier start left half-done. The server is already listening meanwhile:
 * progress is logged and answered at GET /api/demo/status. Never throws: a failed load is
 * logged and reported there, and the server keeps running.
 */
export async function loadDemoOnFirstStart(
  database: Database,
  size: DemoSize,
  log: FastifyBaseLogger,
): Promise<{ loaded: boolean; ms: number }> {
  const started = performance.now();
  let done = 0;
  let total = 0;
  try {
    const inspection = await inspectDemo(database);
    const refusal = refusalOf(inspection, size, DEFAULT_SEED);
    if (refusal) {
      const complete = inspection.kind === 'demo' && inspection.loaded.size >= inspection.total;
      setDemoStatus(database, complete
        ? { state: 'done', done: inspection.total, total: inspection.total, message: `The ${inspection.size} demo district ${inspection.districtName} is loaded` }
        : { state: 'idle', done: 0, total: 0, message: `Demo not loaded: ${refusal}` });
      if (!complete) log.info(`demo: not loaded. ${refusal}`);
      return { loaded: false, ms: 0 };
    }
    total = inspection.kind === 'demo' ? inspection.total : profiles[size].communities;
    done = inspection.kind === 'demo' ? inspection.loaded.size : 0;
    const verb = done ? `Resuming the ${size} demo district at community ${done + 1}` : `Loading the ${size} demo district`;
    setDemoStatus(database, { state: 'loading', done, total, message: `${verb}…` });
    log.info(`demo: ${verb} (${total} communities)`);
    await loadDemo(database, {
      size,
      seed: DEFAULT_SEED,
      actorLabel: 'demo',
      onAccounts: () => log.info('demo: staff accounts are ready (password demo1234)'),
      onProgress: (p) => {
        done = p.done;
        setDemoStatus(database, { state: 'loading', done: p.done, total: p.total, message: `Loaded ${p.community} (${p.done}/${p.total})` });
        if (p.done === p.total || p.done % 5 === 0) log.info(`demo: ${p.done}/${p.total} communities loaded`);
      },
    });
    const ms = performance.now() - started;
    setDemoStatus(database, { state: 'done', done: total, total, message: `The ${size} demo district is loaded (${(ms / 1000).toFixed(1)} s)` });
    return { loaded: true, ms };
  } catch (e) {
    // a failed bulk statement's message carries every parameter; the database's own reason is enough
    const error = e as Error & { cause?: Error };
    const message = (error.cause?.message ?? error.message).slice(0, 300);
    setDemoStatus(database, { state: 'failed', done, total, message: `Demo load failed: ${message}. Restart to resume it.` });
    log.error({ err: e }, 'demo: load failed');
    return { loaded: false, ms: performance.now() - started };
  }
}

/** The demo logins to print at start: usernames (password demo1234) and the owners' phones. */
export function demoAccounts(size: DemoSize, seed: number = DEFAULT_SEED): DemoAccount[] {
  return demoAccountSpecsFor(size, seed).map(({ role, login, note }) => ({ role, login, note }));
}
