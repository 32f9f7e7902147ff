import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import type { UnitRef } from '../registry.policy.ts';
import { buildings, communities, compounds, ownerships, people, residents, units } from '../registry.tables.ts';

const unitColumns = {
  id: units.id,
  communityId: units.communityId,
  communityName: communities.name,
  compoundId: compounds.id,
  compoundName: compounds.name,
  buildingId: buildings.id,
  buildingName: buildings.name,
  gridId: buildings.gridId,
  number: units.number,
  use: units.use,
  holderStatus: units.holderStatus,
  registered: units.areaRegisteredCenti,
  surveyed: units.areaSurveyedCenti,
  contract: units.areaContractCenti,
};

const unitsWithPlaces = (db: Db) =>
  db
    .select(unitColumns)
    .from(units)
    .innerJoin(communities, eq(communities.id, units.communityId))
    .innerJoin(compounds, and(eq(compounds.communityId, units.communityId), eq(compounds.id, units.compoundId)))
    .innerJoin(buildings, and(eq(buildings.communityId, units.communityId), eq(buildings.id, units.buildingId)));

const samePerson = and(eq(people.communityId, ownerships.communityId), eq(people.id, ownerships.personId));

/** Ownership rows of units (current only, or all), with the person. */
export function ownershipsOf(db: Db, communityId: string, unitIds: string[], currentOnly: boolean) {
  return db
    .select({
      ownershipId: ownerships.id, unitId: ownerships.unitId, personId: people.id, name: people.name, kind: people.kind,
      isDeveloper: people.isDeveloper, phone: people.phone, idLast4: people.idLast4, isVoter: ownerships.isVoter,
      since: ownerships.since, until: ownerships.until,
    })
    .from(ownerships)
    .innerJoin(people, samePerson)
    .where(and(
      eq(ownerships.communityId, communityId),
      inArray(ownerships.unitId, unitIds),
      currentOnly ? isNull(ownerships.until) : undefined,
    ))
    .orderBy(desc(ownerships.since), desc(ownerships.isVoter), asc(people.name));
}

/** A unit with its places, all of its ownership rows (newest first) and its current residents. */
export async function getUnit(db: Db, ref: UnitRef) {
  const [unit] = await unitsWithPlaces(db).where(and(eq(units.communityId, ref.communityId), eq(units.id, ref.id)));
  if (!unit) return null;
  const [history, living] = await Promise.all([
    ownershipsOf(db, ref.communityId, [ref.id], false),
    db
      .select({ residentId: residents.id, personId: people.id, name: people.name, phone: people.phone, relation: residents.relation, since: residents.since })
      .from(residents)
      .innerJoin(people, and(eq(people.communityId, residents.communityId), eq(people.id, residents.personId)))
      .where(and(eq(residents.communityId, ref.communityId), eq(residents.unitId, ref.id), isNull(residents.until)))
      .orderBy(asc(residents.since), asc(people.name)),
  ]);
  return { unit, history, residents: living };
}

/** Units by id across communities (an owner's own units), with places and current owners. */
export async function unitsByIds(db: Db, byCommunity: Map<string, string[]>) {
  const out: { unit: Awaited<ReturnType<ReturnType<typeof unitsWithPlaces>['where']>>[number]; owners: Awaited<ReturnType<typeof ownershipsOf>> }[] = [];
  for (const [communityId, unitIds] of byCommunity) {
    const rows = await unitsWithPlaces(db)
      .where(and(eq(units.communityId, communityId), inArray(units.id, unitIds)))
      .orderBy(asc(compounds.name), asc(buildings.name), asc(units.number));
    const owners = await ownershipsOf(db, communityId, unitIds, true);
    for (const unit of rows) out.push({ unit, owners: owners.filter((o) => o.unitId === unit.id) });
  }
  return out;
}
