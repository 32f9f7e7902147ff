import { and, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { buildings, compounds, ownerships, people, units } from '../registry.tables.ts';
import type { CompoundRef } from '../registry.policy.ts';
import { breathe } from './breathe.ts';
import { normaliseName } from './domain/cells.ts';
import { unitKey, type ExistingUnit, type RegistryState, type RosterPlan } from './domain/plan.ts';

// The roster's queries: what the registry holds for one compound, and the bulk writes of a plan.
// Writes go as `unnest` array inserts and updates, a few thousand rows a statement, never row by row.

// rows per write statement: on PGlite a statement holds the main thread while it runs, and 2,000
// rows keep that to a few tenths of a second without costing total time
const BATCH = 2000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The compound named by its id or, for the CLI, by its code (which must then be unambiguous). */
export async function findCompoundByIdOrCode(db: Db, idOrCode: string) {
  const where = uuidPattern.test(idOrCode) ? or(eq(compounds.id, idOrCode), eq(compounds.code, idOrCode)) : eq(compounds.code, idOrCode);
  return db.select({ id: compounds.id, communityId: compounds.communityId, code: compounds.code, name: compounds.name }).from(compounds).where(where).limit(2);
}

export async function findCompound(db: Db, ref: CompoundRef) {
  const [row] = await db
    .select({ id: compounds.id, communityId: compounds.communityId, code: compounds.code, name: compounds.name })
    .from(compounds)
    .where(and(eq(compounds.communityId, ref.communityId), eq(compounds.id, ref.id)));
  return row ?? null;
}

/** The compound's buildings by normalised name. */
export async function loadBuildings(db: Db, c: CompoundRef): Promise<Map<string, string>> {
  const rows = await db.select({ id: buildings.id, name: buildings.name }).from(buildings)
    .where(and(eq(buildings.communityId, c.communityId), eq(buildings.compoundId, c.id)));
  return new Map(rows.map((b) => [normaliseName(b.name), b.id]));
}

/** Takes the compound's row lock, so two imports into one compound run one after the other. */
export async function lockCompound(tx: Db, c: CompoundRef) {
  await tx.execute(sql`select id from compounds where community_id = ${c.communityId} and id = ${c.id} for update`);
}

const PAGE = 10_000;

/**
 * Reads a large result in pages by id, pausing between them: on PGlite one query of 100,000 rows
 * would hold the main thread for over a second.
 */
async function inPages<T extends { id: string }>(page: (after: string | null, limit: number) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let after: string | null = null; ;) {
    const rows = await page(after, PAGE);
    for (const row of rows) all.push(row);
    if (rows.length < PAGE) return all;
    after = rows[rows.length - 1].id;
    await breathe();
  }
}

/**
 * What the plan compares the sheet with: buildings, units with their current owners, and the
 * community's people. Single-table queries joined here: a join planned on stale statistics (right
 * after a bulk load, and PGlite has no autovacuum) can degrade into a nested loop over every pair.
 */
export async function loadRegistryState(db: Db, c: CompoundRef): Promise<RegistryState> {
  const buildingRows = await db.select({ id: buildings.id, name: buildings.name }).from(buildings)
    .where(and(eq(buildings.communityId, c.communityId), eq(buildings.compoundId, c.id)));
  const unitRows = await inPages((after, limit) => db
    .select({
      id: units.id, buildingId: units.buildingId, number: units.number, use: units.use, holderStatus: units.holderStatus,
      registered: units.areaRegisteredCenti, surveyed: units.areaSurveyedCenti, contract: units.areaContractCenti,
    })
    .from(units)
    .where(and(eq(units.communityId, c.communityId), eq(units.compoundId, c.id), after ? gt(units.id, after) : undefined))
    .orderBy(units.id)
    .limit(limit));
  const ownerRows = await inPages((after, limit) => db
    .select({ id: ownerships.id, unitId: ownerships.unitId, personId: ownerships.personId, isVoter: ownerships.isVoter })
    .from(ownerships)
    .where(and(eq(ownerships.communityId, c.communityId), isNull(ownerships.until), after ? gt(ownerships.id, after) : undefined))
    .orderBy(ownerships.id)
    .limit(limit));
  const peopleRows = await inPages((after, limit) => db
    .select({ id: people.id, name: people.name, phone: people.phone, idHash: people.idHash, idLast4: people.idLast4, isDeveloper: people.isDeveloper })
    .from(people)
    .where(and(eq(people.communityId, c.communityId), after ? gt(people.id, after) : undefined))
    .orderBy(people.id)
    .limit(limit));

  const buildingNames = new Map(buildingRows.map((b) => [b.id, normaliseName(b.name)]));
  const byId = new Map<string, ExistingUnit>();
  const unitMap = new Map<string, ExistingUnit>();
  for (const [i, u] of unitRows.entries()) {
    if (i % PAGE === PAGE - 1) await breathe();
    const unit: ExistingUnit = {
      id: u.id, use: u.use, holderStatus: u.holderStatus,
      areas: { registered: u.registered, surveyed: u.surveyed, contract: u.contract }, owners: [],
    };
    byId.set(u.id, unit);
    unitMap.set(unitKey(buildingNames.get(u.buildingId) ?? '', normaliseName(u.number)), unit);
  }
  // ownerships of the community's other compounds find no unit here and are skipped
  for (const [i, o] of ownerRows.entries()) {
    if (i % PAGE === PAGE - 1) await breathe();
    byId.get(o.unitId)?.owners.push({ ownershipId: o.id, personId: o.personId, isVoter: o.isVoter });
  }
  return { buildings: new Map([...buildingNames].map(([id, name]) => [name, id])), units: unitMap, people: peopleRows };
}

/** Fresh planner statistics after a bulk write, for this import's queries and everyone else's. */
export async function analyseRegistryTables(tx: Db) {
  await tx.execute(sql`analyze buildings, units, people, ownerships`);
}

const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/** One statement per batch, with a pause between batches so other requests get the event loop. */
async function inBatches<T>(rows: T[], write: (batch: T[]) => SQL, tx: Db, done: (n: number) => void) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await tx.execute(write(batch));
    done(batch.length);
    await breathe();
  }
}

/** Writes a plan inside the caller's transaction; `done` hears how many rows each statement wrote. */
export async function writePlan(tx: Db, c: CompoundRef, plan: RosterPlan, today: string, done: (n: number) => void) {
  const cid = c.communityId;
  await inBatches(plan.buildings, (b) => sql`
    insert into buildings (community_id, id, compound_id, name)
    select ${cid}, v.id, ${c.id}, v.name from unnest(${arr(b.map((x) => x.id), 'uuid')}, ${arr(b.map((x) => x.name), 'text')}) as v(id, name)`, tx, done);

  await inBatches(plan.people, (p) => sql`
    insert into people (community_id, id, kind, name, phone, id_hash, id_last4, is_developer)
    select ${cid}, v.id, v.kind::person_kind, v.name, v.phone, v.id_hash, v.id_last4, v.is_developer
    from unnest(${arr(p.map((x) => x.id), 'uuid')}, ${arr(p.map((x) => x.kind), 'text')}, ${arr(p.map((x) => x.name), 'text')},
                ${arr(p.map((x) => x.phone), 'text')}, ${arr(p.map((x) => x.idHash), 'text')}, ${arr(p.map((x) => x.idLast4), 'text')},
                ${arr(p.map((x) => x.isDeveloper), 'boolean')}) as v(id, kind, name, phone, id_hash, id_last4, is_developer)`, tx, done);

  await inBatches(plan.personUpdates, (p) => sql`
    update people set phone = v.phone, id_hash = v.id_hash, id_last4 = v.id_last4
    from unnest(${arr(p.map((x) => x.id), 'uuid')}, ${arr(p.map((x) => x.phone), 'text')}, ${arr(p.map((x) => x.idHash), 'text')},
                ${arr(p.map((x) => x.idLast4), 'text')}) as v(id, phone, id_hash, id_last4)
    where people.community_id = ${cid} and people.id = v.id`, tx, done);

  await inBatches(plan.unitInserts, (u) => sql`
    insert into units (community_id, id, compound_id, building_id, number, use, holder_status, area_registered_centi, area_surveyed_centi, area_contract_centi)
    select ${cid}, v.id, ${c.id}, v.building_id, v.number, v.use::unit_use, v.holder_status::holder_status, v.reg, v.sur, v.con
    from unnest(${arr(u.map((x) => x.id), 'uuid')}, ${arr(u.map((x) => x.buildingId), 'uuid')}, ${arr(u.map((x) => x.number), 'text')},
                ${arr(u.map((x) => x.use), 'text')}, ${arr(u.map((x) => x.holderStatus), 'text')}, ${arr(u.map((x) => x.areas.registered), 'int')},
                ${arr(u.map((x) => x.areas.surveyed), 'int')}, ${arr(u.map((x) => x.areas.contract), 'int')}) as v(id, building_id, number, use, holder_status, reg, sur, con)`, tx, done);

  await inBatches(plan.unitUpdates, (u) => sql`
    update units set use = v.use::unit_use, holder_status = v.holder_status::holder_status,
      area_registered_centi = v.reg, area_surveyed_centi = v.sur, area_contract_centi = v.con
    from unnest(${arr(u.map((x) => x.id), 'uuid')}, ${arr(u.map((x) => x.use), 'text')}, ${arr(u.map((x) => x.holderStatus), 'text')},
                ${arr(u.map((x) => x.areas.registered), 'int')}, ${arr(u.map((x) => x.areas.surveyed), 'int')}, ${arr(u.map((x) => x.areas.contract), 'int')})
      as v(id, use, holder_status, reg, sur, con)
    where units.community_id = ${cid} and units.id = v.id`, tx, done);

  await inBatches(plan.ownershipCloses, (ids) => sql`
    update ownerships set until = ${today}::date
    where community_id = ${cid} and id = any(${arr(ids, 'uuid')}) and until is null`, tx, done);

  await inBatches(plan.voterUpdates, (v) => sql`
    update ownerships set is_voter = v.is_voter
    from unnest(${arr(v.map((x) => x.ownershipId), 'uuid')}, ${arr(v.map((x) => x.isVoter), 'boolean')}) as v(id, is_voter)
    where ownerships.community_id = ${cid} and ownerships.id = v.id`, tx, done);

  await inBatches(plan.ownershipInserts, (o) => sql`
    insert into ownerships (community_id, unit_id, person_id, is_voter, since)
    select ${cid}, v.unit_id, v.person_id, v.is_voter, ${today}::date
    from unnest(${arr(o.map((x) => x.unitId), 'uuid')}, ${arr(o.map((x) => x.personId), 'uuid')}, ${arr(o.map((x) => x.isVoter), 'boolean')}) as v(unit_id, person_id, is_voter)`, tx, done);
}

/** How many rows writePlan writes, for the progress bar. */
export const planSize = (p: RosterPlan) =>
  p.buildings.length + p.people.length + p.personUpdates.length + p.unitInserts.length + p.unitUpdates.length
  + p.ownershipCloses.length + p.voterUpdates.length + p.ownershipInserts.length;
