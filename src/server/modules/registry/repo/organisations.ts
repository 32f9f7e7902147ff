import { and, asc, desc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { compounds, grids, memberships, organisations, people, propertyCompanies, propertyContracts } from '../registry.tables.ts';

// The four parties of a community as the registry holds them: the Party organisation and its grid
// branches, the residents' committee, the owners' committees, and the property companies.

export interface MemberView {
  personId: string;
  name: string;
  role: string;
  partyMember: boolean;
  since: string;
}

/** Current members (no end date, or one still ahead) of the organisations, by organisation. */
export async function currentMembers(db: Db, communityId: string, organisationIds: string[], today: string) {
  const byOrg = new Map<string, MemberView[]>();
  if (!organisationIds.length) return byOrg;
  const rows = await db
    .select({
      organisationId: memberships.organisationId, personId: people.id, name: people.name, role: memberships.role,
      partyMember: people.partyMember, since: memberships.since,
    })
    .from(memberships)
    .innerJoin(people, and(eq(people.communityId, memberships.communityId), eq(people.id, memberships.personId)))
    .where(and(
      eq(memberships.communityId, communityId),
      inArray(memberships.organisationId, organisationIds),
      or(isNull(memberships.until), gt(memberships.until, today)),
    ))
    .orderBy(asc(memberships.since), asc(people.name));
  for (const { organisationId, ...m } of rows) {
    const list = byOrg.get(organisationId) ?? [];
    list.push(m);
    byOrg.set(organisationId, list);
  }
  return byOrg;
}

const termCurrent = (termEnd: string | null, today: string) => termEnd === null || termEnd >= today;

/** Owners' committees of the community (or of one compound), newest term first, with members. */
export async function ownersCommittees(db: Db, communityId: string, today: string, compoundId?: string) {
  const rows = await db
    .select({
      id: organisations.id, name: organisations.name, termStart: organisations.termStart, termEnd: organisations.termEnd,
      compoundId: compounds.id, compoundName: compounds.name,
    })
    .from(organisations)
    .leftJoin(compounds, and(eq(compounds.communityId, organisations.communityId), eq(compounds.id, organisations.compoundId)))
    .where(and(
      eq(organisations.communityId, communityId),
      eq(organisations.kind, 'owners_committee'),
      compoundId ? eq(organisations.compoundId, compoundId) : undefined,
    ))
    .orderBy(asc(compounds.code), desc(organisations.termStart));
  const members = await currentMembers(db, communityId, rows.map((r) => r.id), today);
  return rows.map((r) => {
    const list = members.get(r.id) ?? [];
    return {
      id: r.id,
      name: r.name,
      compound: r.compoundId && r.compoundName ? { id: r.compoundId, name: r.compoundName } : null,
      termStart: r.termStart,
      termEnd: r.termEnd,
      current: termCurrent(r.termEnd, today),
      members: list,
      partyMembers: list.filter((m) => m.partyMember).length,
    };
  });
}

/** The Party organisation with its grid branches, and the residents' committee. */
export async function communityBodies(db: Db, communityId: string, today: string) {
  const orgs = await db
    .select({
      id: organisations.id, kind: organisations.kind, name: organisations.name, parentId: organisations.parentId,
      termStart: organisations.termStart, termEnd: organisations.termEnd, gridId: grids.id, gridName: grids.name,
    })
    .from(organisations)
    .leftJoin(grids, and(eq(grids.communityId, organisations.communityId), eq(grids.id, organisations.gridId)))
    .where(and(eq(organisations.communityId, communityId), inArray(organisations.kind, ['party_org', 'grid_branch', 'residents_committee'])))
    .orderBy(asc(organisations.name));
  const members = await currentMembers(db, communityId, orgs.map((o) => o.id), today);
  // Party groups are party_org rows under the community's organisation; the organisation itself has no parent
  const party = orgs.find((o) => o.kind === 'party_org' && !o.parentId);
  const committee = orgs.find((o) => o.kind === 'residents_committee');
  return {
    partyOrganisation: party
      ? {
        id: party.id,
        name: party.name,
        members: members.get(party.id) ?? [],
        // a community has one Party organisation; every grid branch hangs under it
        gridBranches: orgs
          .filter((o) => o.kind === 'grid_branch')
          .map((b) => ({ id: b.id, name: b.name, grid: b.gridId && b.gridName ? { id: b.gridId, name: b.gridName } : null, members: members.get(b.id) ?? [] })),
      }
      : null,
    residentsCommittee: committee
      ? { id: committee.id, name: committee.name, termStart: committee.termStart, termEnd: committee.termEnd, members: members.get(committee.id) ?? [] }
      : null,
  };
}

const contractCurrent = (c: { startsOn: string; endsOn: string | null }, today: string) => c.startsOn <= today && (c.endsOn === null || c.endsOn >= today);

/** Property contracts of the community (or one compound), grouped by company, newest first. */
export async function propertyContractsOf(db: Db, communityId: string, today: string, compoundId?: string) {
  const rows = await db
    .select({
      id: propertyContracts.id, startsOn: propertyContracts.startsOn, endsOn: propertyContracts.endsOn,
      compoundId: compounds.id, compoundName: compounds.name,
      companyId: propertyCompanies.id, companyName: propertyCompanies.name, creditCode: propertyCompanies.creditCode,
    })
    .from(propertyContracts)
    .innerJoin(compounds, and(eq(compounds.communityId, propertyContracts.communityId), eq(compounds.id, propertyContracts.compoundId)))
    .innerJoin(propertyCompanies, eq(propertyCompanies.id, propertyContracts.companyId))
    .where(and(eq(propertyContracts.communityId, communityId), compoundId ? eq(propertyContracts.compoundId, compoundId) : undefined))
    .orderBy(asc(propertyCompanies.name), desc(propertyContracts.startsOn));
  return rows.map((r) => ({ ...r, current: contractCurrent(r, today) }));
}

export function groupByCompany(contracts: Awaited<ReturnType<typeof propertyContractsOf>>) {
  const companies = new Map<string, { id: string; name: string; creditCode: string; contracts: { id: string; compound: { id: string; name: string }; startsOn: string; endsOn: string | null; current: boolean }[] }>();
  for (const c of contracts) {
    const company = companies.get(c.companyId) ?? { id: c.companyId, name: c.companyName, creditCode: c.creditCode, contracts: [] };
    company.contracts.push({ id: c.id, compound: { id: c.compoundId, name: c.compoundName }, startsOn: c.startsOn, endsOn: c.endsOn, current: c.current });
    companies.set(c.companyId, company);
  }
  return [...companies.values()];
}
