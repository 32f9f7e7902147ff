import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../platform/db.ts';
import type { CompoundRef } from '../registry.policy.ts';
import { containsPattern, offsetOf } from './search.ts';

// Owners and residents of one compound. `visible` is the policy's condition on `units` (a grid
// worker's lists stop at their grids); `searchPhones` lets q match phone numbers only for actors
// who see them in full, so a masked list cannot be probed digit by digit.

export interface PeopleFilter {
  q?: string;
  searchPhones: boolean;
  page: number;
  pageSize: number;
}

const and_ = (cond: SQL | undefined) => (cond ? sql`and ${cond}` : sql``);

function personSearch(alias: SQL, filter: PeopleFilter) {
  if (!filter.q) return sql``;
  const pattern = containsPattern(filter.q);
  return filter.searchPhones
    ? sql`and (${alias}.name ilike ${pattern} or ${alias}.phone like ${pattern})`
    : sql`and ${alias}.name ilike ${pattern}`;
}

export interface OwnerRow {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
  is_developer: boolean;
  phone: string | null;
  id_last4: string | null;
  units: { id: string; buildingName: string; number: string; isVoter: boolean }[];
  total: number;
}

/** People with a current ownership in the compound, by name, each with their units there. */
export async function listOwners(db: Db, ref: CompoundRef, filter: PeopleFilter, visible: SQL | undefined) {
  const inCompound = sql`ownerships.community_id = ${ref.communityId} and units.compound_id = ${ref.id} and ownerships.until is null ${and_(visible)}`;
  const matched = sql`
    select distinct ownerships.person_id from ownerships
    join units on units.community_id = ownerships.community_id and units.id = ownerships.unit_id
    where ${inCompound}`;
  const search = personSearch(sql`p`, filter);
  const result = await db.execute(sql`
    with page as (
      select p.id, p.name, p.kind, p.is_developer, p.phone, p.id_last4, count(*) over () as total
      from people p
      where p.community_id = ${ref.communityId} and p.id in (${matched}) ${search}
      order by p.name, p.id
      limit ${filter.pageSize} offset ${offsetOf(filter)}
    )
    select page.*, (
      select json_agg(json_build_object('id', units.id, 'buildingName', b.name, 'number', units.number, 'isVoter', ownerships.is_voter)
                      order by length(b.name), b.name, length(units.number), units.number)
      from ownerships
      join units on units.community_id = ownerships.community_id and units.id = ownerships.unit_id
      join buildings b on b.community_id = units.community_id and b.id = units.building_id
      where ${inCompound} and ownerships.person_id = page.id
    ) as units
    from page
    order by page.name, page.id`);
  const rows = rowsOf<OwnerRow>(result);
  const total = rows.length
    ? Number(rows[0].total)
    : Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*) as n from people p where p.community_id = ${ref.communityId} and p.id in (${matched}) ${search}`))[0].n);
  return { rows, total };
}

export interface ResidentRow {
  id: string;
  person_id: string;
  name: string;
  phone: string | null;
  relation: string;
  since: string;
  unit_id: string;
  building_name: string;
  number: string;
  total: number;
}

/** Current residents of the compound, one row per person and unit, in unit order. */
export async function listResidents(db: Db, ref: CompoundRef, filter: PeopleFilter, visible: SQL | undefined) {
  const where = sql`
    residents.community_id = ${ref.communityId} and units.compound_id = ${ref.id} and residents.until is null
    ${and_(visible)} ${personSearch(sql`p`, filter)}`;
  const from = sql`
    from residents
    join people p on p.community_id = residents.community_id and p.id = residents.person_id
    join units on units.community_id = residents.community_id and units.id = residents.unit_id
    join buildings b on b.community_id = units.community_id and b.id = units.building_id`;
  const result = await db.execute(sql`
    select residents.id, p.id as person_id, p.name, p.phone, residents.relation, residents.since::text as since,
      units.id as unit_id, b.name as building_name, units.number, count(*) over () as total
    ${from}
    where ${where}
    order by length(b.name), b.name, length(units.number), units.number, p.name, residents.id
    limit ${filter.pageSize} offset ${offsetOf(filter)}`);
  const rows = rowsOf<ResidentRow>(result);
  const total = rows.length ? Number(rows[0].total) : Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*) as n ${from} where ${where}`))[0].n);
  return { rows, total };
}
