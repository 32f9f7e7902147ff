import { sql } from 'drizzle-orm';
import type { DerivedFigures } from '../../../contracts/registry.ts';
import { rowsOf, type Db } from '../../platform/db.ts';
import { todayInChina } from './domain/today.ts';

// Figures the registry derives for communities, offered to the community pages, dashboards and
// indices. One statement for any number of communities; every subquery stays inside one
// community (community_id leads each index), so the plan is the same on a sharded database.

export const emptyFigures = (): DerivedFigures => ({
  compounds: 0, buildings: 0, units: 0, households: 0, residents: 0, grids: 0, gridWorkers: 0,
  partyOrganisations: 0, partyMembers: 0, ownersCommittees: 0,
});

export async function communityFigures(db: Db, communityIds: string[], today = todayInChina()): Promise<Map<string, DerivedFigures>> {
  const figures = new Map<string, DerivedFigures>();
  if (!communityIds.length) return figures;
  const result = await db.execute(sql`
    select c.id,
      (select count(*) from compounds x where x.community_id = c.id) as compounds,
      (select count(*) from buildings x where x.community_id = c.id) as buildings,
      (select count(*) from units x where x.community_id = c.id) as units,
      (select count(*) from units u where u.community_id = c.id and u.use = 'residential' and (
         exists (select 1 from ownerships o join people p on p.community_id = o.community_id and p.id = o.person_id
                 where o.community_id = u.community_id and o.unit_id = u.id and o.until is null and not p.is_developer)
         or exists (select 1 from residents r where r.community_id = u.community_id and r.unit_id = u.id and r.until is null)
      )) as households,
      (select count(distinct r.person_id) from residents r where r.community_id = c.id and r.until is null) as residents,
      (select count(*) from grids x where x.community_id = c.id) as grids,
      (select count(*) from grids x where x.community_id = c.id and x.worker_person_id is not null) as grid_workers,
      (select count(*) from organisations x where x.community_id = c.id and x.kind in ('party_org', 'grid_branch')) as party_organisations,
      (select count(*) from people x where x.community_id = c.id and x.party_member) as party_members,
      (select count(*) from organisations x where x.community_id = c.id and x.kind = 'owners_committee'
         and (x.term_end is null or x.term_end >= ${today})) as owners_committees
    from communities c
    where c.id in ${communityIds}`);
  for (const r of rowsOf<Record<string, number | string>>(result)) {
    const n = (k: string) => Number(r[k]);
    figures.set(String(r.id), {
      compounds: n('compounds'),
      buildings: n('buildings'),
      units: n('units'),
      households: n('households'),
      residents: n('residents'),
      grids: n('grids'),
      gridWorkers: n('grid_workers'),
      partyOrganisations: n('party_organisations'),
      partyMembers: n('party_members'),
      ownersCommittees: n('owners_committees'),
    });
  }
  return figures;
}
