import { and, asc, eq, ilike, inArray, isNull, or } from 'drizzle-orm';
import type { Role } from '../../../contracts/accounts.ts';
import type { Db } from '../../platform/db.ts';
import { placesByIds, propertyContractsOf, registryScope } from '../registry/index.ts';
import { roleGrants, users } from './accounts.tables.ts';

// A look-up for modules above accounts (meetings: linking a representative to an account): the
// enabled staff accounts that work in one community, with the grants that place them there and
// the community's registry person who has the account's phone. Never the phone or the password
// hash. No policy here: the caller has applied its own.

/** Roles held inside a community. Street and district admins oversee many and sit for no party. */
export const COMMUNITY_ROLES = ['community_staff', 'grid_worker', 'owners_committee', 'property_staff'] as const satisfies readonly Role[];
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

export interface CommunityStaffGrant {
  role: CommunityRole;
  scopeId: string;
  /** the community, grid, compound or property company the grant names */
  scopeName: string;
}

export interface CommunityStaffAccount {
  id: string;
  username: string;
  displayName: string;
  /** only the grants inside this community */
  grants: CommunityStaffGrant[];
  /** people of the community's registry with the account's phone (usually none or one) */
  people: { id: string; name: string }[];
}

/**
 * Staff accounts working in the community: community staff of it, grid workers of its grids,
 * owners' committees of its compounds, and staff of property companies holding a current
 * contract there. `q` matches username or display name. Staff accounts number in the thousands
 * at most, so grants are placed in memory after one batched look-up per kind of place.
 */
export async function staffOfCommunity(db: Db, communityId: string, opts: { q?: string; today: string }): Promise<CommunityStaffAccount[]> {
  const like = opts.q ? `%${opts.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, phone: users.phone, role: roleGrants.role, scopeId: roleGrants.scopeId })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(
      isNull(users.disabledAt),
      inArray(roleGrants.role, [...COMMUNITY_ROLES]),
      like ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined,
    ))
    .orderBy(asc(users.username), asc(roleGrants.role), asc(roleGrants.scopeId));

  const scopes = (role: Role) => [...new Set(rows.filter((r) => r.role === role).map((r) => r.scopeId))];
  const inCommunity = (places: { id: string; communityId: string }[]) => new Set(places.filter((p) => p.communityId === communityId).map((p) => p.id));
  const grids = inCommunity(await registryScope.gridsByIds(db, scopes('grid_worker')));
  const compounds = inCommunity(await registryScope.compoundsByIds(db, scopes('owners_committee')));
  const companies = scopes('property_staff').length
    ? new Set((await propertyContractsOf(db, communityId, opts.today)).filter((c) => c.current).map((c) => c.companyId))
    : new Set<string>();
  const inside = (r: { role: Role; scopeId: string }) =>
    (r.role === 'community_staff' && r.scopeId === communityId)
    || (r.role === 'grid_worker' && grids.has(r.scopeId))
    || (r.role === 'owners_committee' && compounds.has(r.scopeId))
    || (r.role === 'property_staff' && companies.has(r.scopeId));
  const kept = rows.filter(inside);
  if (!kept.length) return [];

  const names = await placesByIds(db, kept.map((r) => r.scopeId));
  const phones = [...new Set(kept.flatMap((r) => (r.phone ? [r.phone] : [])))];
  const people = await registryScope.peopleOfCommunityByPhone(db, communityId, phones);
  const byUser = new Map<string, CommunityStaffAccount>();
  for (const r of kept) {
    const account = byUser.get(r.id) ?? {
      id: r.id, username: r.username, displayName: r.displayName, grants: [],
      people: people.filter((p) => r.phone && p.phone === r.phone).map((p) => ({ id: p.id, name: p.name })),
    };
    account.grants.push({ role: r.role as CommunityRole, scopeId: r.scopeId, scopeName: names.get(r.scopeId)?.name ?? '' });
    byUser.set(r.id, account);
  }
  return [...byUser.values()];
}
