// Street and district view benchmark: seeds 10,000 matters (with their step history) across 50
// communities of 3 streets on PostgreSQL, starts the server, and drives GET /api/matters with
// filters (street, step, overdue, category, age, text, sort, pages) from 20 concurrent users for
// a street admin and a district admin, then the summary (GET /api/matters/summary). Prints p50 and
// p99 latency and requests/s; never passes or fails on time (the goal is p99 < 100 ms).
//
//   npm run bench:board -- [--pg postgres://…] [--matters 10000] [--communities 50] [--connections 20] [--seconds 10]
//
// PostgreSQL: --pg URL or DATABASE_URL; a scratch database is created on that server and dropped.

import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { matterSteps, type MatterStep } from '../src/contracts/consultation.ts';
import { buildApp } from '../src/server/app.ts';
import { systemActor } from '../src/server/platform/actor.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { migrate, openDatabase, type Database } from '../src/server/platform/db.ts';
import { createUser } from '../src/server/modules/accounts/index.ts';
import { createCommunity, createCompound, createDistrict, createStreet } from '../src/server/modules/registry/index.ts';

const { values } = parseArgs({
  options: {
    pg: { type: 'string' },
    matters: { type: 'string', default: '10000' },
    communities: { type: 'string', default: '50' },
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    /** keep the scratch database (its name is printed) to look at the plans afterwards */
    keep: { type: 'boolean', default: false },
  },
});
const PG_URL = values.pg ?? process.env.DATABASE_URL;
if (!PG_URL) {
  console.error('bench:board needs PostgreSQL: pass --pg postgres://… or set DATABASE_URL');
  process.exit(2);
}
const MATTERS = Number(values.matters);
const COMMUNITIES = Number(values.communities);
const CONNECTIONS = Number(values.connections);
const SECONDS = Number(values.seconds);
const DAY = 86_400_000;
const PASSWORD = 'bench-password-1';

/** mulberry32: the same matters on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MAIN: MatterStep[] = ['propose', 'consult', 'deliberate', 'resolve', 'publish_resolution', 'implement', 'publish_results', 'closed'];
/** How matters spread over the steps (per mille). */
const SPREAD: [MatterStep, number][] = [
  ['propose', 100], ['consult', 120], ['deliberate', 100], ['resolve', 100], ['publish_resolution', 80], ['implement', 150],
  ['publish_results', 50], ['closed', 200], ['declined', 50], ['withdrawn', 30], ['escalated', 20],
];
const CATEGORIES = ['repairs_facilities', 'fees_funds', 'property_services', 'environment_sanitation', 'parking_traffic', 'safety', 'neighbour_disputes', 'other'];
const TITLES = ['电梯维修', '停车位划线', '物业费调整', '垃圾分类点', '楼道照明', '外墙渗水', '绿化改造', '监控加装', '噪音纠纷', '维修资金使用'];
const DUE_DAYS: Partial<Record<MatterStep, number>> = { consult: 7, deliberate: 14, resolve: 60, publish_resolution: 7, publish_results: 7, implement: 30 };

async function seedPlaces(database: Database) {
  const ctx = { db: database.db, actor: systemActor('bench') };
  const tag = randomBytes(3).toString('hex');
  const district = await createDistrict(ctx, { code: `BD${tag}`, name: 'Bench District' });
  const streets = [];
  for (let s = 0; s < 3; s++) streets.push(await createStreet(ctx, { districtId: district.id, code: `BS${tag}${s}`, name: `Bench Street ${s + 1}` }));
  const communities: { id: string; streetId: string; compounds: string[] }[] = [];
  for (let c = 0; c < COMMUNITIES; c++) {
    const street = streets[c % streets.length];
    const community = await createCommunity(ctx, { streetId: street.id, code: `BC${tag}${c}`, name: `Bench Community ${c + 1}` });
    const compounds = [];
    for (let x = 0; x < 4; x++) compounds.push((await createCompound(ctx, { communityId: community.id, code: `X${x}`, name: `Compound ${c + 1}-${x + 1}` })).id);
    communities.push({ id: community.id, streetId: street.id, compounds });
  }
  return { district, streets, communities };
}

async function seedMatters(database: Database, communities: { id: string; compounds: string[] }[], now: Date) {
  const rand = prng(4242);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const stepOf = () => {
    let r = rand() * 1000;
    for (const [step, share] of SPREAD) if ((r -= share) < 0) return step;
    return 'closed' as MatterStep;
  };
  const m: unknown[][] = Array.from({ length: 12 }, () => []);
  const log: unknown[][] = Array.from({ length: 6 }, () => []);
  for (let i = 0; i < MATTERS; i++) {
    const community = communities[i % communities.length];
    const step = stepOf();
    const reached = MAIN.includes(step) ? MAIN.indexOf(step) : step === 'escalated' ? 2 : step === 'declined' ? 0 : 1;
    const raisedAt = new Date(now.getTime() - Math.floor(rand() * 365 * DAY));
    let at = raisedAt.getTime();
    const id = randomUUID();
    for (let s = 0; s <= reached; s++) {
      const left = s < reached || !MAIN.includes(step) ? Math.min(now.getTime(), at + Math.floor((1 + rand() * 20) * DAY)) : null;
      log[0].push(community.id); log[1].push(id); log[2].push(s + 1); log[3].push(MAIN[s]); log[4].push(new Date(at).toISOString()); log[5].push(left === null ? null : new Date(left).toISOString());
      if (left !== null) at = left;
    }
    if (!MAIN.includes(step)) {
      log[0].push(community.id); log[1].push(id); log[2].push(reached + 2); log[3].push(step); log[4].push(new Date(at).toISOString()); log[5].push(null);
    }
    const due = DUE_DAYS[step];
    const dueAt = due === undefined ? null : new Date(at + (due - 3 + rand() * 6) * DAY * (rand() < 0.7 ? 1 : 0.2));
    m[0].push(community.id); m[1].push(id); m[2].push(rand() < 0.8 ? pick(community.compounds) : null); m[3].push(`${pick(TITLES)} ${i}`);
    m[4].push(pick(CATEGORIES)); m[5].push(rand() < 0.1 ? 'urgent' : 'routine'); m[6].push(step); m[7].push(raisedAt.toISOString());
    m[8].push(new Date(at).toISOString()); m[9].push(dueAt ? dueAt.toISOString() : null); m[10].push(Math.floor(rand() * 40)); m[11].push(rand() < 0.15 ? 'residents' : 'community');
  }
  await database.query(`
    insert into matters (community_id, id, compound_id, title, description, category, urgency, step, raised_at, step_entered_at, step_due_at, supports, source,
                         deciding_body, raised_by_label, signatures_required, cosignatures, version)
    select c, i, x, t, 'bench', cat, u::matter_urgency, s::matter_step, r, e, d, sup, src::matter_source, 'owners_committee', 'bench', 0, 0, 1
    from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::int[], $12::text[])
      as t(c, i, x, t, cat, u, s, r, e, d, sup, src)`, m);
  await database.query(`
    insert into matter_step_log (community_id, matter_id, seq, step, entered_at, left_at, by)
    select c, i, q, s::matter_step, e, l, 'bench'
    from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::timestamptz[], $6::timestamptz[]) as t(c, i, q, s, e, l)`, log);
  await database.exec('vacuum analyze matters');
  await database.exec('vacuum analyze matter_step_log');
  return { matters: MATTERS, history: log[0].length };
}

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}

async function run(url: string, cookie: string, label: string, paths: string[]): Promise<AutocannonResult> {
  // autocannon ships no types; a computed specifier keeps the checker from asking for them
  const { default: autocannon } = await import('autocannon' as string);
  const result: AutocannonResult = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    // the load comes from a worker thread, so the server's event loop is the server's alone
    workers: 1,
    headers: { cookie },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  const line = `  ${label.padEnd(44)} p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   avg ${result.latency.average.toFixed(1).padStart(6)} ms   ${Math.round(result.requests.average).toString().padStart(5)} req/s   ${result.requests.total} requests`;
  console.log(line + (result.non2xx || result.errors ? `   (${result.non2xx} non-2xx, ${result.errors} errors)` : ''));
  return result;
}

async function main() {
  const name = `siyi_bench_board_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ database: { kind: 'postgres', url: url.toString() } });
  try {
    await migrate(database);
    const t0 = performance.now();
    const places = await seedPlaces(database);
    const seeded = await seedMatters(database, places.communities, new Date());
    console.log(`seeded ${places.communities.length} communities on ${places.streets.length} streets, ${seeded.matters} matters, ${seeded.history} step-log rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const ctx = { db: database.db, actor: systemActor('bench') };
    await createUser(ctx, { username: 'bench-street', displayName: 'Street admin', password: PASSWORD, grants: [{ role: 'street_admin', scopeId: places.streets[0].id }] });
    await createUser(ctx, { username: 'bench-district', displayName: 'District admin', password: PASSWORD, grants: [{ role: 'district_admin', scopeId: places.district.id }] });
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', SIYI_DEMO: '0' }), database, serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      const cookie = res.cookies.find((c) => c.name === 'siyi_session');
      if (!cookie) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return `siyi_session=${cookie.value}`;
    };
    const street = await login('bench-street');
    const district = await login('bench-district');
    const s0 = places.streets[0].id;
    const c0 = places.communities[0].id;
    const filters = [
      `/api/matters?streetId=${s0}`,
      `/api/matters?streetId=${s0}&step=consult&overdue=true`,
      '/api/matters?overdue=true&sort=due',
      `/api/matters?category=safety&minAgeDays=30&maxAgeDays=180`,
      '/api/matters?step=implement&urgency=urgent',
      `/api/matters?communityId=${c0}&page=2&pageSize=20`,
      '/api/matters?q=%E7%94%B5%E6%A2%AF&sort=oldest',
      '/api/matters?page=5&pageSize=50',
    ];
    console.log('\none user at a time (median of 20 requests each, street admin):');
    for (const path of filters) {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        const res = await fetch(base + path, { headers: { cookie: street } });
        await res.arrayBuffer();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${times[10].toFixed(1).padStart(6)} ms  ${path.replace(/[0-9a-f-]{36}/g, '…')}`);
    }
    console.log(`\nGET /api/matters with ${filters.length} filter mixes, ${CONNECTIONS} concurrent users, ${SECONDS} s each (goal: p99 < 100 ms)`);
    await run(base, street, 'street admin (17 communities)', filters);
    await run(base, district, `district admin (${places.communities.length} communities)`, filters);
    console.log('\nGET /api/matters/summary (by step, median days per step, quiet communities)');
    await run(base, street, 'street admin', [`/api/matters/summary`, `/api/matters/summary?communityId=${c0}`]);
    await run(base, district, 'district admin', ['/api/matters/summary', `/api/matters/summary?streetId=${s0}`]);
    await app.close();
  } finally {
    await database.close();
    if (values.keep) console.log(`\nkept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
