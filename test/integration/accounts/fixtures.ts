import { count, and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../src/contracts/accounts.ts';
import type { Db } from '../../../src/server/platform/db.ts';
import { systemActor } from '../../../src/server/platform/actor.ts';
import { createUser } from '../../../src/server/modules/accounts/index.ts';
import { auditEvents } from '../../../src/server/modules/audit/audit.tables.ts';
import {
  buildings, communities, compounds, districts, grids, ownerships, people, propertyCompanies, propertyContracts, residents, streets, units,
} from '../../../src/server/modules/registry/registry.tables.ts';

// Minimal registry rows for the accounts tests (test/support/factories.ts did not exist yet).

export interface DistrictFixture {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  compoundId: string;
  unitId: string;
  companyId: string;
  ownerPhone: string;
  tenantPhone: string;
}

/**
 * One district with a street, community, grid, compound, building and unit; an owner and a
 * tenant of that unit; and a property company under a current contract for the compound.
 * `n` (a digit 1–9) keeps codes and phones apart between districts of one database.
 */
export async function buildDistrict(db: Db, n: number): Promise<DistrictFixture> {
  const [d] = await db.insert(districts).values({ code: `D${n}`, name: `District ${n}` }).returning();
  const [s] = await db.insert(streets).values({ districtId: d.id, code: `S${n}`, name: `Street ${n}` }).returning();
  const [c] = await db.insert(communities).values({ districtId: d.id, streetId: s.id, code: `C${n}`, name: `Community ${n}` }).returning();
  const [g] = await db.insert(grids).values({ communityId: c.id, code: `G${n}`, name: `Grid ${n}` }).returning();
  const [k] = await db.insert(compounds).values({ communityId: c.id, code: `K${n}`, name: `Compound ${n}` }).returning();
  const [b] = await db.insert(buildings).values({ communityId: c.id, compoundId: k.id, gridId: g.id, name: `${n}栋` }).returning();
  const [u] = await db.insert(units).values({ communityId: c.id, compoundId: k.id, buildingId: b.id, number: '101', areaRegisteredCenti: 8850 }).returning();
  const ownerPhone = `1380000000${n}`;
  const tenantPhone = `1390000000${n}`;
  const [owner] = await db.insert(people).values({ communityId: c.id, name: `Owner ${n}`, phone: ownerPhone }).returning();
  const [tenant] = await db.insert(people).values({ communityId: c.id, name: `Tenant ${n}`, phone: tenantPhone }).returning();
  await db.insert(ownerships).values({ communityId: c.id, unitId: u.id, personId: owner.id, isVoter: true, since: '2020-01-01' });
  await db.insert(residents).values({ communityId: c.id, unitId: u.id, personId: tenant.id, relation: 'tenant', since: '2021-01-01' });
  const [co] = await db.insert(propertyCompanies).values({ creditCode: `91310000MA${n}XXXXXXX`, name: `Property Co ${n}` }).returning();
  await db.insert(propertyContracts).values({ communityId: c.id, compoundId: k.id, companyId: co.id, startsOn: '2020-01-01' });
  return { districtId: d.id, streetId: s.id, communityId: c.id, gridId: g.id, compoundId: k.id, unitId: u.id, companyId: co.id, ownerPhone, tenantPhone };
}

export const PASSWORD = 'correct-horse-1';

/** A staff account made the way the CLI makes one. */
export async function makeStaff(db: Db, username: string, role: Role, scopeId: string) {
  return createUser({ db, actor: systemActor('test') }, { username, displayName: username.toUpperCase(), password: PASSWORD, grants: [{ role, scopeId }] });
}

export async function auditCount(db: Db, kind: string, communityId?: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.kind, kind), communityId ? eq(auditEvents.communityId, communityId) : undefined));
  return n;
}

/** POST with an optional session cookie. */
export const post = (app: FastifyInstance, url: string, payload?: object, cookie?: string) =>
  app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
export const get = (app: FastifyInstance, url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
