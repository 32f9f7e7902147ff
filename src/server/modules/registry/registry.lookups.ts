import { and, eq, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { communitiesIn } from './registry.scope.ts';
import { buildings, communities, compounds, organisations, ownerships, people, units } from './registry.tables.ts';

// Read-only look-ups that modules above the registry (voting, notices, meetings, consultation)
// need about places, units, people and ownerships. No policy here: the caller has applied its own.
// Each function awaits its queries one after another, so it is safe inside a caller's
// transaction (one PostgreSQL client takes one query at a time).

// ——— places ———

export interface CompoundSummary {
  id: string;
  communityId: string;
  name: string;
  communityName: string;
  parkingInVotingArea: boolean;
}

/** A compound with its community's name and its voting setting; null when there is none. */
export async function compoundSummary(db: Db, compoundId: string): Promise<CompoundSummary | null> {
  const [row] = await db
    .select({
      id: compounds.id,
      communityId: compounds.communityId,
      name: compounds.name,
      communityName: communities.name,
      parkingInVotingArea: compounds.parkingInVotingArea,
    })
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .where(eq(compounds.id, compoundId));
  return row ?? null;
}

export interface PlaceNames {
  communities: Map<string, string>;
  compounds: Map<string, string>;
}

/** Names of communities and compounds by id; ids that name nothing are absent from the maps. */
export async function placeNames(db: Db, ids: { communityIds: Iterable<string>; compoundIds: Iterable<string> }): Promise<PlaceNames> {
  const communityIds = [...new Set(ids.communityIds)];
  const compoundIds = [...new Set(ids.compoundIds)];
  const cs = communityIds.length
    ? await db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, communityIds))
    : [];
  const xs = compoundIds.length
    ? await db.select({ id: compounds.id, name: compounds.name }).from(compounds).where(inArray(compounds.id, compoundIds))
    : [];
  return { communities: new Map(cs.map((c) => [c.id, c.name])), compounds: new Map(xs.map((c) => [c.id, c.name])) };
}

/**
 * Communities with their names: of the given ids (null = every community, for the CLI and
 * district-wide readers), narrowed to one street when streetId is given.
 */
export async function communityNames(db: Db, filter: { ids: string[] | null; streetId?: string }): Promise<{ id: string; name: string }[]> {
  let ids = filter.ids;
  if (filter.streetId) {
    const onStreet = (await communitiesIn(db, { streetIds: [filter.streetId] })).map((c) => c.id);
    ids = ids === null ? onStreet : ids.filter((id) => onStreet.includes(id));
  }
  if (ids !== null && !ids.length) return [];
  const query = db.select({ id: communities.id, name: communities.name }).from(communities);
  return ids === null ? query : query.where(inArray(communities.id, ids));
}

/**
 * A condition on a caller's community id column: the community lies on the street. It lets a
 * list filter by street inside its own one query.
 */
export function communityOnStreetSql(communityId: AnyColumn, streetId: string): SQL {
  return sql`${communityId} in (select ${communities.id} from ${communities} where ${communities.streetId} = ${streetId})`;
}

// ——— organisations ———

/** Whether the compound has an owners' committee whose term has not ended on `today` (China's calendar day). */
export async function hasCurrentOwnersCommittee(db: Db, compound: { id: string; communityId: string }, today: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(
      eq(organisations.communityId, compound.communityId),
      eq(organisations.kind, 'owners_committee'),
      eq(organisations.compoundId, compound.id),
      or(isNull(organisations.termEnd), sql`${organisations.termEnd} >= ${today}`),
    ))
    .limit(1);
  return !!row;
}

// ——— units and their current owners ———

export interface UnitWithOwners {
  unitId: string;
  buildingId: string;
  buildingName: string;
  number: string;
  use: 'residential' | 'commercial' | 'parking';
  holderStatus: 'owned' | 'developer_unsold' | 'sold_not_delivered';
  areas: { registered: number | null; surveyed: number | null; contract: number | null };
  /** current owners: ids and flags only, never names */
  owners: { personId: string; isVoter: boolean; isDeveloper: boolean }[];
}

/** Every unit of the compound, by building and number, with its areas and current owners. */
export async function unitsWithCurrentOwners(db: Db, compound: { id: string; communityId: string }): Promise<UnitWithOwners[]> {
  const rows = await db
    .select({
      unitId: units.id,
      buildingId: units.buildingId,
      buildingName: buildings.name,
      number: units.number,
      use: units.use,
      holderStatus: units.holderStatus,
      registered: units.areaRegisteredCenti,
      surveyed: units.areaSurveyedCenti,
      contract: units.areaContractCenti,
    })
    .from(units)
    .innerJoin(buildings, and(eq(buildings.communityId, units.communityId), eq(buildings.id, units.buildingId)))
    .where(and(eq(units.communityId, compound.communityId), eq(units.compoundId, compound.id)))
    .orderBy(buildings.name, units.number);
  const owners = await db
    .select({ unitId: ownerships.unitId, personId: ownerships.personId, isVoter: ownerships.isVoter, isDeveloper: people.isDeveloper })
    .from(ownerships)
    .innerJoin(units, and(eq(units.communityId, ownerships.communityId), eq(units.id, ownerships.unitId)))
    .innerJoin(people, and(eq(people.communityId, ownerships.communityId), eq(people.id, ownerships.personId)))
    .where(and(eq(ownerships.communityId, compound.communityId), eq(units.compoundId, compound.id), isNull(ownerships.until)));
  const byUnit = new Map<string, UnitWithOwners['owners']>();
  for (const o of owners) {
    const list = byUnit.get(o.unitId) ?? [];
    list.push({ personId: o.personId, isVoter: o.isVoter, isDeveloper: o.isDeveloper });
    byUnit.set(o.unitId, list);
  }
  return rows.map((r) => ({
    unitId: r.unitId,
    buildingId: r.buildingId,
    buildingName: r.buildingName,
    number: r.number,
    use: r.use,
    holderStatus: r.holderStatus,
    areas: { registered: r.registered, surveyed: r.surveyed, contract: r.contract },
    owners: byUnit.get(r.unitId) ?? [],
  }));
}

/** A unit of the compound with its building's name, for naming it; null when it is not in the compound. */
export async function unitOfCompound(db: Db, compound: { id: string; communityId: string }, unitId: string) {
  const [row] = await db
    .select({ unitId: units.id, number: units.number, buildingName: buildings.name })
    .from(units)
    .innerJoin(buildings, and(eq(buildings.communityId, units.communityId), eq(buildings.id, units.buildingId)))
    .where(and(eq(units.communityId, compound.communityId), eq(units.compoundId, compound.id), eq(units.id, unitId)));
  return row ?? null;
}

// ——— people and ownership ———

/** A person of the community's registry, or null (a person of another community is null too). */
export async function personOfCommunity(db: Db, communityId: string, personId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.communityId, communityId), eq(people.id, personId)));
  return row ?? null;
}

/** Whether the person currently owns a unit in the community. */
export async function ownsUnitInCommunity(db: Db, communityId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: ownerships.id })
    .from(ownerships)
    .where(and(eq(ownerships.communityId, communityId), eq(ownerships.personId, personId), isNull(ownerships.until)))
    .limit(1);
  return !!row;
}

/** The units of one compound that any of these people currently own. */
export async function unitsOwnedInCompound(db: Db, compoundId: string, personIds: string[]): Promise<string[]> {
  if (!personIds.length) return [];
  const rows = await db
    .selectDistinct({ unitId: ownerships.unitId })
    .from(ownerships)
    .innerJoin(units, and(eq(units.communityId, ownerships.communityId), eq(units.id, ownerships.unitId)))
    .where(and(inArray(ownerships.personId, personIds), isNull(ownerships.until), eq(units.compoundId, compoundId)));
  return rows.map((r) => r.unitId);
}

/** Compounds where any of these people currently own a unit. */
export async function compoundsOwnedBy(db: Db, personIds: string[]): Promise<string[]> {
  if (!personIds.length) return [];
  const rows = await db
    .selectDistinct({ compoundId: units.compoundId })
    .from(ownerships)
    .innerJoin(units, and(eq(units.communityId, ownerships.communityId), eq(units.id, ownerships.unitId)))
    .where(and(inArray(ownerships.personId, personIds), isNull(ownerships.until)));
  return rows.map((r) => r.compoundId);
}
