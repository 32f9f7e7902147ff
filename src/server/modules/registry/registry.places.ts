import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/accounts.ts';
import { roleScopeKind } from '../../../contracts/accounts.ts';
import type { Db } from '../../platform/db.ts';
import {
  communities, compounds, districts, grids, propertyCompanies, propertyContracts, streets,
} from './registry.tables.ts';
import { todayInChina } from './domain/today.ts';

export type PlaceKind = (typeof roleScopeKind)[Role];

/**
 * The place a grant's scope id names. districtIds are the districts it lies in: one for a
 * district, street, community, grid or compound; for a property company, every district where it
 * holds a current contract (none if it holds none).
 */
export interface GrantPlace {
  id: string;
  kind: PlaceKind;
  name: string;
  districtIds: string[];
}

/** Looks up scope ids of any kind; ids that name no place are absent from the map. */
export async function placesByIds(db: Db, ids: string[]): Promise<Map<string, GrantPlace>> {
  const places = new Map<string, GrantPlace>();
  const unique = [...new Set(ids)];
  if (!unique.length) return places;
  const add = (kind: PlaceKind, rows: { id: string; name: string; districtId: string }[]) => {
    for (const r of rows) places.set(r.id, { id: r.id, kind, name: r.name, districtIds: [r.districtId] });
  };

  add('district', await db.select({ id: districts.id, name: districts.name, districtId: districts.id }).from(districts).where(inArray(districts.id, unique)));
  add('street', await db.select({ id: streets.id, name: streets.name, districtId: streets.districtId }).from(streets).where(inArray(streets.id, unique)));
  add('community', await db.select({ id: communities.id, name: communities.name, districtId: communities.districtId }).from(communities).where(inArray(communities.id, unique)));
  add('grid', await db
    .select({ id: grids.id, name: grids.name, districtId: communities.districtId })
    .from(grids).innerJoin(communities, eq(communities.id, grids.communityId))
    .where(inArray(grids.id, unique)));
  add('compound', await db
    .select({ id: compounds.id, name: compounds.name, districtId: communities.districtId })
    .from(compounds).innerJoin(communities, eq(communities.id, compounds.communityId))
    .where(inArray(compounds.id, unique)));

  const companies = await db.select({ id: propertyCompanies.id, name: propertyCompanies.name }).from(propertyCompanies).where(inArray(propertyCompanies.id, unique));
  if (companies.length) {
    const day = todayInChina();
    const contracted = await db
      .selectDistinct({ companyId: propertyContracts.companyId, districtId: communities.districtId })
      .from(propertyContracts)
      .innerJoin(communities, eq(communities.id, propertyContracts.communityId))
      .where(and(
        inArray(propertyContracts.companyId, companies.map((c) => c.id)),
        sql`${propertyContracts.startsOn} <= ${day}`,
        or(isNull(propertyContracts.endsOn), sql`${propertyContracts.endsOn} >= ${day}`),
      ));
    for (const c of companies) {
      places.set(c.id, { id: c.id, kind: 'company', name: c.name, districtIds: contracted.filter((k) => k.companyId === c.id).map((k) => k.districtId) });
    }
  }
  return places;
}
