// Measures the demo district's load on the embedded PGlite (persisted to a temporary data
// directory, as on a first start) and on PostgreSQL (a scratch database on the server of
// --pg URL or DATABASE_URL). Prints seconds and rows/s per table; never passes or fails on time.
//
//   npx tsx bench/demo.ts [--size full|small] [--seed N] [--pg URL] [--only pglite|postgres]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../src/server/platform/db.ts';
import { loadDemo, type LoadStats } from '../src/server/demo/index.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    pg: { type: 'string' },
    only: { type: 'string' },
  },
});
const size = values.size === 'small' ? 'small' : 'full';
const seed = Number(values.seed);
const pgUrl = values.pg ?? process.env.DATABASE_URL;

async function measure(label: string, database: Database) {
  const t0 = performance.now();
  await migrate(database);
  const migrated = performance.now();
  const stats: LoadStats = new Map();
  let accountsAt = 0;
  const result = await loadDemo(database, {
    size,
    seed,
    actorLabel: 'bench',
    stats,
    onAccounts: () => (accountsAt = performance.now()),
    onProgress: (p) => {
      if (p.done % 10 === 0 || p.done === p.total) process.stderr.write(`  ${label}: ${p.done}/${p.total} communities, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    },
  });
  const total = (performance.now() - migrated) / 1000;
  console.log(`\n${label} — ${size} demo, seed ${seed}`);
  console.log(`  migrations ${((migrated - t0) / 1000).toFixed(1)} s; staff accounts ready after ${((accountsAt - migrated) / 1000).toFixed(1)} s; whole load ${total.toFixed(1)} s`);
  console.log(`  ${'table'.padEnd(20)} ${'rows'.padStart(8)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(8)}`);
  let rows = 0;
  let insertSeconds = 0;
  for (const [table, s] of stats) {
    rows += s.rows;
    insertSeconds += s.ms / 1000;
    console.log(`  ${table.padEnd(20)} ${String(s.rows).padStart(8)} ${(s.ms / 1000).toFixed(2).padStart(8)} ${String(Math.round(s.rows / Math.max(s.ms / 1000, 1e-3))).padStart(8)}`);
  }
  console.log(`  ${'all inserts'.padEnd(20)} ${String(rows).padStart(8)} ${insertSeconds.toFixed(2).padStart(8)} ${String(Math.round(rows / insertSeconds)).padStart(8)}`);
  console.log(`  generation, audit events and accounts: ${(total - insertSeconds).toFixed(1)} s; overall ${Math.round(rows / total)} rows/s`);
  if (result.communitiesLoaded !== result.plan.communities.length) console.log('  (resumed a partial load)');
}

if (values.only !== 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyi-bench-demo-'));
  const database = await openDatabase({ database: { kind: 'embedded', dataDir: dir } });
  try {
    await measure('PGlite (embedded, on disk)', database);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (values.only !== 'pglite') {
  if (!pgUrl) {
    console.log('\nPostgreSQL: skipped (give --pg postgres://… or set DATABASE_URL)');
  } else {
    const name = `siyi_bench_demo_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ database: { kind: 'postgres', url: url.toString() } });
    try {
      await measure(`PostgreSQL (${url.host})`, database);
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}
