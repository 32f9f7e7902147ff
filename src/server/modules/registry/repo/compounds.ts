import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../platform/db.ts';
import type { CompoundRef } from '../registry.policy.ts';
import { communities, compounds } from '../registry.tables.ts';
import { containsPattern, offsetOf } from './search.ts';

/** The current contract's company for each compound, as a lateral subquery over `c` (a compound). */
const currentCompany = (today: string) => sql`
  left join lateral (
    select pco.id as company_id, pco.name as company_name
    from property_contracts pc join property_companies pco on pco.id = pc.company_id
    where pc.community_id = c.community_id and pc.compound_id = c.id
      and pc.starts_on <= ${today} and (pc.ends_on is null or pc.ends_on >= ${today})
    order by pc.starts_on desc limit 1
  ) cur on true`;

/** A page of a community's compounds, with building and unit counts and the current property company. */
export async function listCompounds(db: Db, communityId: string, filter: { q?: string; page: number; pageSize: number }, today: string) {
  const search = filter.q ? sql`and (c.name ilike ${containsPattern(filter.q)} or c.code ilike ${containsPattern(filter.q)})` : sql``;
  const result = await db.execute(sql`
    select c.id, c.code, c.name, c.address,
      (select count(*) from buildings b where b.community_id = c.community_id and b.compound_id = c.id) as buildings,
      (select count(*) from units u where u.community_id = c.community_id and u.compound_id = c.id) as units,
      cur.company_id, cur.company_name,
      count(*) over () as total
    from compounds c ${currentCompany(today)}
    where c.community_id = ${communityId} ${search}
    order by c.code
    limit ${filter.pageSize} offset ${offsetOf(filter)}`);
  const rows = rowsOf<{
    id: string; code: string; name: string; address: string | null; buildings: number; units: number;
    company_id: string | null; company_name: string | null; total: number;
  }>(result);
  const total = rows.length ? Number(rows[0].total) : await countCompounds(db, communityId, search);
  return { rows, total };
}

/** The total when the page is past the end (no row carries the window count). */
async function countCompounds(db: Db, communityId: string, search: SQL) {
  const result = await db.execute(sql`select count(*) as n from compounds c where c.community_id = ${communityId} ${search}`);
  return Number(rowsOf<{ n: number }>(result)[0].n);
}

export async function getCompound(db: Db, ref: CompoundRef) {
  const [row] = await db
    .select({
      id: compounds.id, code: compounds.code, name: compounds.name, address: compounds.address,
      parkingInVotingArea: compounds.parkingInVotingArea, communityId: communities.id, communityName: communities.name,
    })
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .where(and(eq(compounds.communityId, ref.communityId), eq(compounds.id, ref.id)));
  return row ?? null;
}

/** Counts shown on the compound page: buildings, units by use, current owners and residents (people). */
export async function compoundCounts(db: Db, ref: CompoundRef) {
  const result = await db.execute(sql`
    select
      (select count(*) from buildings b where b.community_id = ${ref.communityId} and b.compound_id = ${ref.id}) as buildings,
      count(*) as units,
      count(*) filter (where u.use = 'residential') as residential,
      count(*) filter (where u.use = 'commercial') as commercial,
      count(*) filter (where u.use = 'parking') as parking,
      (select count(distinct o.person_id) from ownerships o join units ou on ou.community_id = o.community_id and ou.id = o.unit_id
        where o.community_id = ${ref.communityId} and ou.compound_id = ${ref.id} and o.until is null) as owners,
      (select count(distinct r.person_id) from residents r join units ru on ru.community_id = r.community_id and ru.id = r.unit_id
        where r.community_id = ${ref.communityId} and ru.compound_id = ${ref.id} and r.until is null) as residents
    from units u
    where u.community_id = ${ref.communityId} and u.compound_id = ${ref.id}`);
  const r = rowsOf<Record<string, number>>(result)[0];
  return {
    buildings: Number(r.buildings), units: Number(r.units), residential: Number(r.residential), commercial: Number(r.commercial),
    parking: Number(r.parking), owners: Number(r.owners), residents: Number(r.residents),
  };
}

/** Buildings of a compound with their grid and unit count; `visible` is the policy's condition on buildings. */
export async function listBuildings(db: Db, ref: CompoundRef, visible: SQL | undefined) {
  const result = await db.execute(sql`
    select buildings.id, buildings.name, g.id as grid_id, g.name as grid_name,
      (select count(*) from units u where u.community_id = buildings.community_id and u.building_id = buildings.id) as units
    from buildings left join grids g on g.community_id = buildings.community_id and g.id = buildings.grid_id
    where buildings.community_id = ${ref.communityId} and buildings.compound_id = ${ref.id} ${visible ? sql`and ${visible}` : sql``}
    order by length(buildings.name), buildings.name`);
  return rowsOf<{ id: string; name: string; grid_id: string | null; grid_name: string | null; units: number }>(result);
}

/** A community's grids with their worker, Party branch and number of buildings. */
export async function listGrids(db: Db, communityId: string) {
  const result = await db.execute(sql`
    select g.id, g.code, g.name, p.id as worker_id, p.name as worker_name, br.id as branch_id, br.name as branch_name,
      (select count(*) from buildings b where b.community_id = g.community_id and b.grid_id = g.id) as buildings
    from grids g
    left join people p on p.community_id = g.community_id and p.id = g.worker_person_id
    left join lateral (
      select o.id, o.name from organisations o
      where o.community_id = g.community_id and o.grid_id = g.id and o.kind = 'grid_branch' order by o.created_at limit 1
    ) br on true
    where g.community_id = ${communityId}
    order by g.code`);
  return rowsOf<{ id: string; code: string; name: string; worker_id: string | null; worker_name: string | null; branch_id: string | null; branch_name: string | null; buildings: number }>(result);
}
