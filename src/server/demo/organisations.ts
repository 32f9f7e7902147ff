import type { Households } from './households.ts';
import { personName } from './names.ts';
import type { CommunityDraft } from './places.ts';
import { addDays, dateBetween, spread, termEnd } from './random.ts';
import type { OrganisationKind, OrganisationRow, PersonRow } from './rows.ts';

/** The people the demo accounts of a community are modelled on. */
export interface CommunityFigures {
  residentsCommitteeChair: PersonRow;
  gridWorkers: PersonRow[];
  /** owners' committee per compound id: its chair */
  committeeChairs: Map<string, PersonRow>;
  /** current property company per compound id */
  companyOf: Map<string, string>;
}

/**
 * Grid workers, the residents' committee, the Party organisation with a branch per grid and
 * some Party groups, owners' committees (in about 80 % of compounds) and the property contracts.
 */
export function generateOrganisations(d: CommunityDraft, h: Households): CommunityFigures {
  const { rng, rows, communityId, plan } = d;
  const org = (kind: OrganisationKind, name: string, extra: Partial<OrganisationRow> = {}): OrganisationRow => {
    const row: OrganisationRow = { community_id: communityId, id: d.id('organisation'), kind, name, parent_id: null, compound_id: null, grid_id: null, term_start: null, term_end: null, ...extra };
    rows.organisations.push(row);
    return row;
  };
  const join = (o: OrganisationRow, p: PersonRow, role: string, since: string) =>
    rows.memberships.push({ community_id: communityId, id: d.id('membership'), organisation_id: o.id, person_id: p.id, role, since, until: null });

  // Party members chosen so far, each with the grid whose branch they belong to
  const party = new Map<string, { person: PersonRow; grid: string }>();
  const enrol = (p: PersonRow, grid: string) => {
    p.party_member = true;
    if (!party.has(p.id)) party.set(p.id, { person: p, grid });
  };

  // one full-time worker per grid (1:1); about half are Party members
  const gridWorkers = rows.grids.map((g) => {
    const worker = d.person(personName(rng));
    g.worker_person_id = worker.id;
    if (rng.chance(0.5)) enrol(worker, g.id);
    return worker;
  });

  // residents' committee, elected in 2026 for five years; the chair is also Party secretary
  const rc = org('residents_committee', `${plan.name}居民委员会`, { term_start: '2026-06-01', term_end: '2031-05-31' });
  const rcSize = rng.int(5, 7);
  const rcMembers = Array.from({ length: rcSize + rng.int(1, 3) }, (_, i) => {
    const p = d.person(personName(rng));
    const role = i === 0 ? 'chair' : i <= (rcSize >= 6 ? 2 : 1) ? 'vice_chair' : i < rcSize ? 'member' : 'staff';
    join(rc, p, role, role === 'staff' ? dateBetween(rng, '2019-01-01', '2026-06-01') : '2026-06-01');
    if (i === 0 || rng.chance(0.6)) enrol(p, rows.grids[i % rows.grids.length].id);
    return p;
  });

  // owners' committees: 5, 7 or 9 owners of the compound, about 35 % of them Party members
  const committeeChairs = new Map<string, PersonRow>();
  d.compounds.forEach((c, i) => {
    const voters = h.votersByCompound.get(c.id) ?? [];
    // the first compound of community 1 always has one: the owners' committee demo account sits there
    const forced = i === 0 && plan.index === 1;
    if ((!forced && !rng.chance(0.8)) || voters.length < 9) return;
    // one in ten has served out its five years (as of late 2026) and awaits re-election
    const expired = rng.chance(0.1);
    const start = expired ? dateBetween(rng, '2019-01-01', '2021-06-30') : dateBetween(rng, '2022-01-01', '2026-09-30');
    const oc = org('owners_committee', `${c.name}业主委员会`, { compound_id: c.id, term_start: start, term_end: termEnd(start, 5) });
    const size = rng.weighted([[5, 3], [7, 4], [9, 2]] as const);
    const members = rng.sample(voters, size);
    const partyCount = size === 5 ? 2 : size === 9 ? 3 : rng.int(2, 3);
    members.forEach((p, k) => {
      join(oc, p, k === 0 ? 'chair' : k === 1 ? 'vice_chair' : 'member', start);
      if (k < partyCount) enrol(p, h.gridOf.get(p.id) ?? gridOfUnitOwner(d, h, p));
    });
    committeeChairs.set(c.id, members[0]);
  });

  // fill the community's Party membership from its residents, spread over the grids so that
  // every branch has at least three members
  const missing = Math.max(0, plan.partyMembers - party.size);
  spread(missing, rows.grids.length, rng).forEach((want, gi) => {
    const grid = rows.grids[gi].id;
    const pool = (h.occupantsByGrid.get(grid) ?? []).filter((p) => !p.party_member);
    const already = [...party.values()].filter((m) => m.grid === grid).length;
    for (const p of rng.sample(pool, Math.max(want, 3 - already))) enrol(p, grid);
  });

  // the community Party organisation, a branch per grid, and Party groups under some branches
  const partyOrg = org('party_org', `中共${plan.name}委员会`, { term_start: '2026-06-01', term_end: '2031-05-31' });
  const secretaries: PersonRow[] = [];
  const branchMembers = new Map<string, PersonRow[]>();
  rows.grids.forEach((g, gi) => {
    const branch = org('grid_branch', `中共${plan.name}${g.name}支部委员会`, { parent_id: partyOrg.id, grid_id: g.id });
    const members = rng.shuffle([...party.values()].filter((m) => m.grid === g.id).map((m) => m.person));
    members.forEach((p, k) => join(branch, p, k === 0 ? 'secretary' : 'member', dateBetween(rng, '2019-03-01', '2026-09-30')));
    if (members[0]) secretaries.push(members[0]);
    branchMembers.set(g.id, members);
    for (let k = gi; k < plan.partyGroups; k += rows.grids.length) {
      const group = org('party_org', `${g.name}第${Math.floor(k / rows.grids.length) + 1}党小组`, { parent_id: branch.id, grid_id: g.id });
      rng.sample(members, rng.int(3, 6)).forEach((p, j) => join(group, p, j === 0 ? 'leader' : 'member', dateBetween(rng, '2020-01-01', '2026-09-30')));
    }
  });
  const chair = rcMembers[0];
  join(partyOrg, chair, 'secretary', '2026-06-01');
  const deputy = rcMembers.find((p, i) => i > 0 && p.party_member);
  if (deputy) join(partyOrg, deputy, 'deputy_secretary', '2026-06-01');
  for (const s of secretaries.filter((p) => p !== chair && p !== deputy).slice(0, 3)) join(partyOrg, s, 'member', '2026-06-01');

  // property contracts: a current one per compound; some compounds replaced the company that
  // the developer had chosen at handover
  const companies = d.district.companies;
  const companyOf = new Map<string, string>();
  for (const c of d.compounds) {
    const company = rng.pick(companies);
    const from = c.delivered > '2019-01-01' ? c.delivered : '2019-01-01';
    const start = dateBetween(rng, from, '2025-12-31');
    const end = rng.chance(0.15) ? null : dateBetween(rng, '2027-07-01', '2030-12-31');
    if (start > addDays(c.delivered, 365) && rng.chance(0.6)) {
      const earlier = companies.length > 1 ? rng.pick(companies.filter((x) => x.id !== company.id)) : company;
      rows.property_contracts.push({ community_id: communityId, id: d.id('contract'), compound_id: c.id, company_id: earlier.id, starts_on: c.delivered, ends_on: addDays(start, -1) });
    }
    rows.property_contracts.push({ community_id: communityId, id: d.id('contract'), compound_id: c.id, company_id: company.id, starts_on: start, ends_on: end });
    companyOf.set(c.id, company.id);
  }
  return { residentsCommitteeChair: chair, gridWorkers, committeeChairs, companyOf };
}

/** The grid of an owner who does not live in the compound: that of their first unit. */
function gridOfUnitOwner(d: CommunityDraft, h: Households, p: PersonRow): string {
  const unit = h.unitsOf.get(p.id)?.[0];
  return (unit && d.gridOfBuilding.get(unit.building_id)) ?? d.rows.grids[0].id;
}
