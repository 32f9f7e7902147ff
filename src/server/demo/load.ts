import { auditOrigin, transaction, type CommandContext } from '../platform/command.ts';
import { systemActor } from '../platform/actor.ts';
import type { Database } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { appendAudit } from '../modules/audit/index.ts';
import { demoAccountSpecs, ensureDemoAccounts, type DemoAccountSpec } from './accounts.ts';
import { bulkInsert, type LoadStats } from './bulk-insert.ts';
import { generateCommunity, type GeneratedCommunity } from './generate.ts';
import { parseDemoDistrictCode, planDistrict, type DemoSize, type DistrictPlan } from './plan.ts';
import { communityColumns, referenceColumns, type CommunityRows } from './rows.ts';

/** What the database holds, as far as the demo is concerned. */
export type DemoInspection =
  | { kind: 'empty' }
  | { kind: 'demo'; size: DemoSize; seed: number; districtName: string; loaded: Set<string>; total: number }
  | { kind: 'other'; districtName: string; districtCode: string };

export async function inspectDemo(database: Database): Promise<DemoInspection> {
  const districts = await database.query<{ id: string; code: string; name: string }>('select id, code, name from districts order by created_at, code');
  if (!districts.length) return { kind: 'empty' };
  const demo = districts.length === 1 ? parseDemoDistrictCode(districts[0].code) : null;
  if (!demo) return { kind: 'other', districtName: districts[0].name, districtCode: districts[0].code };
  const rows = await database.query<{ id: string }>('select id from communities where district_id = $1', [districts[0].id]);
  return { kind: 'demo', ...demo, districtName: districts[0].name, loaded: new Set(rows.map((r) => r.id)), total: planDistrict(demo.size, demo.seed).profile.communities };
}

export interface DemoProgress {
  done: number;
  total: number;
  /** the community just loaded */
  community: string;
}

export interface LoadDemoOptions {
  size: DemoSize;
  seed: number;
  /** the audit trail's actor label: "demo" at first start, "cli" for `siyi demo` */
  actorLabel: string;
  onProgress?: (p: DemoProgress) => void;
  /** called once the accounts exist, which is after the first two communities */
  onAccounts?: (accounts: DemoAccountSpec[]) => void;
  stats?: LoadStats;
}

export interface LoadDemoResult {
  plan: DistrictPlan;
  resumed: boolean;
  communitiesLoaded: number;
  accounts: DemoAccountSpec[];
  ms: number;
}

/** Why a demo load would not run here, or null when it may (empty database, or this demo half-loaded). */
export function refusalOf(inspection: DemoInspection, size: DemoSize, seed: number): string | null {
  if (inspection.kind === 'other') {
    return `The database already holds district "${inspection.districtName}" (code ${inspection.districtCode}); the demo loads only into an empty database.`;
  }
  if (inspection.kind === 'demo') {
    if (inspection.size !== size || inspection.seed !== seed) {
      return `The database already holds the ${inspection.size} demo with seed ${inspection.seed}; it cannot take the ${size} demo with seed ${seed} as well.`;
    }
    if (inspection.loaded.size >= inspection.total) return `The ${size} demo (seed ${seed}) is already loaded: ${inspection.total} communities.`;
  }
  return null;
}

/**
 * Loads the demo district: the reference rows (district, streets, property companies) in one
 * transaction, then each community in its own, with one `registry.demo_loaded` event. A load
 * that stopped half-way resumes: communities already present are skipped, since their ids are
 * derived from the seed. The staff accounts are created as soon as communities 1 and 2 exist,
 * so people can log in while the rest loads. Refuses (conflict) rather than duplicate anything.
 */
export async function loadDemo(database: Database, options: LoadDemoOptions): Promise<LoadDemoResult> {
  const started = performance.now();
  const { size, seed, actorLabel, stats } = options;
  const plan = planDistrict(size, seed);
  const inspection = await inspectDemo(database);
  const refusal = refusalOf(inspection, size, seed);
  if (refusal) throw new AppError('conflict', refusal, { existing: inspection.kind === 'demo' ? { size: inspection.size, seed: inspection.seed } : inspection });
  const loaded = inspection.kind === 'demo' ? inspection.loaded : new Set<string>();
  const ctx = { db: database.db, actor: systemActor(actorLabel) };

  if (inspection.kind === 'empty') {
    await transaction(database.db, async (tx) => {
      await bulkInsert(tx, 'districts', referenceColumns.districts, [plan.district], stats);
      await bulkInsert(tx, 'streets', referenceColumns.streets, plan.streets.map((s) => ({ ...s, district_id: plan.district.id })), stats);
      await bulkInsert(tx, 'property_companies', referenceColumns.property_companies, plan.companies.map((c) => ({ id: c.id, credit_code: c.creditCode, name: c.name })), stats);
      await appendAudit(tx, {
        kind: 'registry.district_created',
        communityId: null,
        ...auditOrigin(ctx),
        objectType: 'district',
        objectId: plan.district.id,
        after: { ...plan.district, demo: { size, seed }, streets: plan.streets.length, propertyCompanies: plan.companies.length },
      });
    });
  }

  // communities 1 and 2 are needed in memory for the accounts, loaded or not
  const generated = new Map<number, GeneratedCommunity>();
  const generate = (i: number) => generated.get(i) ?? generateCommunity(plan, plan.communities[i]);
  let accounts: DemoAccountSpec[] = [];
  const ensureAccountsOnceReady = async () => {
    if (accounts.length || !plan.communities.slice(0, 2).every((c) => loaded.has(c.id))) return;
    accounts = demoAccountSpecs(plan, generate(0), generate(1));
    await ensureDemoAccounts(database.db, accounts, actorLabel);
    options.onAccounts?.(accounts);
  };
  await ensureAccountsOnceReady();

  let communitiesLoaded = 0;
  for (const [i, community] of plan.communities.entries()) {
    if (loaded.has(community.id)) continue;
    const g = generate(i);
    if (i < 2) generated.set(i, g);
    await insertCommunity(database, g, plan, ctx, stats);
    loaded.add(community.id);
    communitiesLoaded++;
    options.onProgress?.({ done: loaded.size, total: plan.communities.length, community: community.name });
    await ensureAccountsOnceReady();
    await turnOfTheEventLoop();
  }
  // PGlite has no autovacuum: without fresh statistics the planner treats the bulk-loaded tables
  // as empty and picks nested loops that take minutes on the full demo.
  if (communitiesLoaded > 0) await database.exec('analyze');
  return { plan, resumed: inspection.kind === 'demo', communitiesLoaded, accounts, ms: performance.now() - started };
}

async function insertCommunity(database: Database, g: GeneratedCommunity, plan: DistrictPlan, ctx: CommandContext, stats?: LoadStats) {
  const counts: Record<string, number> = {};
  await transaction(database.db, async (tx) => {
    for (const table of Object.keys(communityColumns) as (keyof CommunityRows)[]) {
      const rows = g.rows[table];
      counts[table] = rows.length;
      await bulkInsert(tx, table, communityColumns[table] as Record<string, string>, rows as object[], stats);
      await turnOfTheEventLoop();
    }
    await appendAudit(tx, {
      kind: 'registry.demo_loaded',
      communityId: g.plan.id,
      ...auditOrigin(ctx),
      objectType: 'community',
      objectId: g.plan.id,
      after: { name: g.plan.name, code: g.plan.code, demo: { size: plan.size, seed: plan.seed }, rows: counts },
    });
  });
}

/**
 * PGlite runs on this thread and its queries resolve through microtasks only: without a turn of
 * the event loop between statements, the server would answer no request (not even the demo
 * status) until the whole demo is in. Requests that query wait for the community's commit.
 */
const turnOfTheEventLoop = () => new Promise((resolve) => setImmediate(resolve));
