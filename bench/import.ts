// Roster import benchmark: generates a deterministic roster (default 100,000 rows) as XLSX or CSV
// and imports it on the embedded PGlite and, when a URL is given, on PostgreSQL. Prints rows/s for
// a dry run, the import, and a re-import of the same file (every unit unchanged), with the longest
// event-loop stall during each (PGlite runs on the main thread). Prints figures; never fails on time.
//
//   npm run bench:import -- [--rows 100000] [--format xlsx|csv] [--pg postgres://…] [--no-pglite] [--keep FILE]
//
// --keep FILE also writes the generated roster there and leaves it, e.g. to try `siyi import roster`.
// PostgreSQL: --pg URL or DATABASE_URL; a scratch database is created on that server and dropped.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../src/server/platform/db.ts';
import { systemActor } from '../src/server/platform/actor.ts';
import { createCommunity, createCompound, createDistrict, createStreet, importRoster, type ImportProgress } from '../src/server/modules/registry/index.ts';
import { writeRosterFile } from '../test/fixtures/rosters/generate.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    format: { type: 'string', default: 'xlsx' },
    pg: { type: 'string' },
    'no-pglite': { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});
const ROWS = Number(values.rows);
const FORMAT = values.format === 'csv' ? 'csv' : 'xlsx';
const PG_URL = values.pg ?? process.env.DATABASE_URL ?? null;

async function seedCompound(database: Database) {
  const ctx = { db: database.db, actor: systemActor('bench') };
  const district = await createDistrict(ctx, { code: 'BENCH-D', name: '基准区' });
  const street = await createStreet(ctx, { districtId: district.id, code: 'BENCH-S', name: '基准街道' });
  const community = await createCommunity(ctx, { streetId: street.id, code: 'BENCH-C', name: '基准社区' });
  return createCompound(ctx, { communityId: community.id, code: 'BENCH-X', name: '基准小区' });
}

interface Run {
  step: string;
  seconds: number;
  rowsPerSecond: number;
  maxStallMs: number;
  note: string;
}

async function timed(database: Database, compoundId: string, file: string, step: string, dryRun: boolean): Promise<Run> {
  const phases: Record<string, number> = {};
  let phaseStart = performance.now();
  let current = '';
  const progress: ImportProgress = {
    async phase(next) {
      if (current) phases[current] = (performance.now() - phaseStart) / 1000;
      current = next;
      phaseStart = performance.now();
    },
  };
  const stall = monitorEventLoopDelay({ resolution: 10 });
  stall.enable();
  const t0 = performance.now();
  const result = await importRoster({ db: database.db, actor: systemActor('bench') }, {
    compoundId, file, fileName: path.basename(file), dryRun, createBuildings: true,
  }, progress);
  const seconds = (performance.now() - t0) / 1000;
  stall.disable();
  if (current) phases[current] = (performance.now() - phaseStart) / 1000;
  if (!result.ok) throw new Error(`${step}: ${result.problems.length} problems, first: ${JSON.stringify(result.problems[0])}`);
  const c = result.summary!.counts;
  const note = `${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)}s`).join(', ')}; units +${c.unitsCreated} ~${c.unitsUpdated} =${c.unitsUnchanged}, people +${c.peopleCreated}, ownerships +${c.ownershipsOpened}`;
  return { step, seconds, rowsPerSecond: Math.round(c.rows / seconds), maxStallMs: Math.round(stall.max / 1e6), note };
}

async function benchOn(label: string, database: Database, file: string): Promise<Run[]> {
  await migrate(database);
  const compound = await seedCompound(database);
  const runs: Run[] = [];
  runs.push(await timed(database, compound.id, file, 'dry run', true));
  runs.push(await timed(database, compound.id, file, 'import', false));
  runs.push(await timed(database, compound.id, file, 're-import (no change)', false));
  console.log(`\n${label}`);
  for (const r of runs) {
    console.log(`  ${r.step.padEnd(22)} ${r.seconds.toFixed(1).padStart(6)} s  ${String(r.rowsPerSecond).padStart(7)} rows/s  longest event-loop stall ${r.maxStallMs} ms`);
    console.log(`  ${''.padEnd(22)} ${r.note}`);
  }
  return runs;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyi-bench-'));
  const file = path.join(dir, `roster.${FORMAT}`);
  let t = performance.now();
  await writeRosterFile(file, ROWS, FORMAT);
  console.log(`Generated ${ROWS} rows as ${FORMAT.toUpperCase()} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (values.keep) fs.copyFileSync(file, values.keep);
  console.log(`Node ${process.version}, ${os.cpus().length} cores`);
  try {
    if (!values['no-pglite']) {
      t = performance.now();
      const database = await openDatabase({ database: { kind: 'embedded', dataDir: path.join(dir, 'pglite') } });
      try {
        await benchOn('PGlite (embedded, on disk)', database, file);
      } finally {
        await database.close();
      }
    }
    if (PG_URL) {
      const name = `siyi_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      const database = await openDatabase({ database: { kind: 'postgres', url: url.toString() } });
      try {
        await benchOn(`PostgreSQL (${url.host})`, database, file);
      } finally {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    } else {
      console.log('\nPostgreSQL: skipped (give --pg URL or set DATABASE_URL)');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
