import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../platform/db.ts';
import type { CompoundRef } from '../registry.policy.ts';
import { containsPattern, offsetOf } from './search.ts';

export interface UnitListFilter {
  buildingId?: string;
  q?: string;
  use?: 'residential' | 'commercial' | 'parking';
  page: number;
  pageSize: number;
}

export interface UnitListRow {
  id: string;
  building_id: string;
  building_name: string;
  number: string;
  use: 'residential' | 'commercial' | 'parking';
  holder_status: 'owned' | 'developer_unsold' | 'sold_not_delivered';
  area_registered_centi: number | null;
  area_surveyed_centi: number | null;
  area_contract_centi: number | null;
  owner_names: string[];
  owner_count: number;
  total: number;
}

/**
 * One page of a compound's units in one statement (this list is benchmarked). The inner query
 * finds the page through units_compound_idx (community_id, compound_id, …) and counts the whole
 * match with a window, so no second count query; only the page's rows then gather their current
 * owners' names, through ownerships_unit_idx. Natural order: shorter names first, so building
 * "2" comes before "10" and unit "301" before "1001".
 */
export async function listUnits(db: Db, ref: CompoundRef, filter: UnitListFilter, visible: SQL | undefined) {
  const conds = [
    filter.buildingId ? sql`and units.building_id = ${filter.buildingId}` : sql``,
    filter.q ? sql`and units.number ilike ${containsPattern(filter.q)}` : sql``,
    filter.use ? sql`and units.use = ${filter.use}` : sql``,
    visible ? sql`and ${visible}` : sql``,
  ];
  const where = sql`units.community_id = ${ref.communityId} and units.compound_id = ${ref.id} ${sql.join(conds, sql` `)}`;
  const result = await db.execute(sql`
    with page as (
      select units.community_id, units.id, units.building_id, buildings.name as building_name, units.number, units.use,
        units.holder_status, units.area_registered_centi, units.area_surveyed_centi, units.area_contract_centi,
        count(*) over () as total
      from units
      join buildings on buildings.community_id = units.community_id and buildings.id = units.building_id
      where ${where}
      order by length(buildings.name), buildings.name, length(units.number), units.number, units.id
      limit ${filter.pageSize} offset ${offsetOf(filter)}
    )
    select page.id, page.building_id, page.building_name, page.number, page.use, page.holder_status,
      page.area_registered_centi, page.area_surveyed_centi, page.area_contract_centi, page.total,
      coalesce(o.names, '[]'::json) as owner_names, coalesce(o.n, 0) as owner_count
    from page
    left join lateral (
      select json_agg(people.name order by ownerships.is_voter desc, people.name) as names, count(*) as n
      from ownerships join people on people.community_id = ownerships.community_id and people.id = ownerships.person_id
      where ownerships.community_id = page.community_id and ownerships.unit_id = page.id and ownerships.until is null
    ) o on true
    order by length(page.building_name), page.building_name, length(page.number), page.number, page.id`);
  const rows = rowsOf<UnitListRow>(result);
  const total = rows.length ? Number(rows[0].total) : await countUnits(db, where);
  return { rows, total };
}

/** The total when the page is past the end, so no row carries the window count. */
async function countUnits(db: Db, where: SQL) {
  const result = await db.execute(sql`select count(*) as n from units where ${where}`);
  return Number(rowsOf<{ n: number }>(result)[0].n);
}
