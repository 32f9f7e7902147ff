// bench/http: the paginated unit list (50 rows) of a 2,500-unit compound under 50 connections on
// PostgreSQL, against its ceiling: a bare Fastify route that runs the same SQL with no session,
// policy, validation or response schema. Prints figures; never passes or fails on time.
//
//   npx tsx bench/http.ts [--pg postgres://postgres@127.0.0.1:5432/postgres] [--seconds 10] [--connections 50]
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import type { Database } from '../src/server/platform/db.ts';
import { systemActor } from '../src/server/platform/actor.ts';
import { createUser } from '../src/server/modules/accounts/index.ts';
import { createCommunity, createCompound, createDistrict, createStreet } from '../src/server/modules/registry/index.ts';
import { listUnits } from '../src/server/modules/registry/repo/units.ts';
import { autocannon } from './support/autocannon.ts';
import { scratchPostgres } from './support/database.ts';

const { values } = parseArgs({
  options: {
    pg: { type: 'string', default: process.env.SIYI_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const DB_NAME = 'siyi_bench_http';
const UNITS = 2500;
const PER_BUILDING = 250;

async function freshBenchDatabase(): Promise<Database> {
  return (await scratchPostgres(values.pg!, DB_NAME)).database;
}

async function seed(database: Database) {
  const ctx = { db: database.db, actor: systemActor('bench') };
  const district = await createDistrict(ctx, { code: 'BD', name: '基准区' });
  const street = await createStreet(ctx, { districtId: district.id, code: 'BS', name: '基准街道' });
  const community = await createCommunity(ctx, { streetId: street.id, code: 'BC', name: '基准社区' });
  const compound = await createCompound(ctx, { communityId: community.id, code: 'BX', name: '基准小区' });
  const c = community.id;
  const buildingNames = Array.from({ length: UNITS / PER_BUILDING }, (_, i) => `${i + 1}栋`);
  const buildingRows = await database.query<{ id: string; name: string }>(
    `insert into buildings (community_id, compound_id, name) select $1, $2, unnest($3::text[]) returning id, name`,
    [c, compound.id, buildingNames],
  );
  const unitBuilding: string[] = [];
  const unitNumber: string[] = [];
  const area: number[] = [];
  for (const b of buildingRows) {
    for (let i = 0; i < PER_BUILDING; i++) {
      unitBuilding.push(b.id);
      unitNumber.push(`${Math.floor(i / 4) + 1}0${(i % 4) + 1}`);
      area.push(7000 + ((i * 37) % 6000));
    }
  }
  const unitRows = await database.query<{ id: string }>(
    `insert into units (community_id, compound_id, building_id, number, area_registered_centi)
     select $1, $2, b, n, a from unnest($3::uuid[], $4::text[], $5::int[]) as t(b, n, a) returning id`,
    [c, compound.id, unitBuilding, unitNumber, area],
  );
  const names = unitRows.map((_, i) => `业主${i + 1}`);
  const phones = unitRows.map((_, i) => `138${String(i).padStart(8, '0')}`);
  const personRows = await database.query<{ id: string }>(
    `insert into people (community_id, name, phone) select $1, n, p from unnest($2::text[], $3::text[]) as t(n, p) returning id`,
    [c, names, phones],
  );
  await database.query(
    `insert into ownerships (community_id, unit_id, person_id, is_voter, since)
     select $1, u, p, true, '2020-01-01' from unnest($2::uuid[], $3::uuid[]) as t(u, p)`,
    [c, unitRows.map((u) => u.id), personRows.map((p) => p.id)],
  );
  await createUser(ctx, { username: 'bench', displayName: 'Bench', password: 'bench-password', grants: [{ role: 'community_staff', scopeId: c }] });
  return { communityId: c, compoundId: compound.id };
}

async function main() {
  const database = await freshBenchDatabase();
  const { communityId, compoundId } = await seed(database);
  const path = `/api/compounds/${compoundId}/units?page=3&pageSize=50`;

  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', SIYI_DEMO: '0' }), database, serveWeb: false });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench', password: 'bench-password' } });
  const cookie = `siyi_session=${login.cookies.find((k) => k.name === 'siyi_session')!.value}`;
  const check = await app.inject({ url: path, headers: { cookie } });
  if (check.statusCode !== 200 || check.json().items.length !== 50) throw new Error(`unexpected response ${check.statusCode}: ${check.body.slice(0, 200)}`);
  const appAddress = await app.listen({ port: 0, host: '127.0.0.1' });

  // The ceiling: the same SQL behind a bare route.
  const bare = Fastify();
  bare.get('/units', async () => (await listUnits(database.db, { id: compoundId, communityId }, { page: 3, pageSize: 50 }, undefined)).rows);
  const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

  await autocannon(`${bareAddress}/units`, { connections, seconds: 2 }); // warm-up
  await autocannon(`${appAddress}${path}`, { connections, seconds: 2, headers: { cookie } });
  const ceiling = await autocannon(`${bareAddress}/units`, { connections, seconds });
  const siyi = await autocannon(`${appAddress}${path}`, { connections, seconds, headers: { cookie } });

  const fmt = (r: typeof siyi) => `${r.requestsPerSecond.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests, ${r.errors} errors, ${r.non2xx} non-2xx)`;
  console.log(`bench/http — unit list page 3 (50 rows) of a ${UNITS}-unit compound, ${connections} connections, ${seconds} s, PostgreSQL`);
  console.log(`  ceiling (bare route, same SQL): ${fmt(ceiling)}`);
  console.log(`  Siyi GET /api/compounds/:id/units: ${fmt(siyi)}`);
  console.log(`  ratio to ceiling: ${(siyi.requestsPerSecond / ceiling.requestsPerSecond).toFixed(2)} (goal ≥ 0.60)`);

  await app.close();
  await bare.close();
  await database.close();
}

await main();
