import { z } from 'zod';
import { phone } from './accounts.ts';
import { areaString, pageQuery, paginated } from './common.ts';

// Requests and responses of the registry: places, communities, compounds, units, owners,
// residents, grids and organisations. Written by hand; never derived from the tables.

export const unitUses = ['residential', 'commercial', 'parking'] as const;
export const holderStatuses = ['owned', 'developer_unsold', 'sold_not_delivered'] as const;
/** In the order the court prefers them for the voting area (owners-vote.md §3.1). */
export const areaSources = ['registered', 'surveyed', 'contract'] as const;

const id = z.string();
const count = z.number().int();
const isoDate = z.iso.date();
const searchText = z.string().trim().max(100, 'must be at most 100 characters').optional();

// ——— places ———

export const placeCompoundNode = z.object({ id, code: z.string(), name: z.string() });
export const placeCommunityNode = z.object({
  id,
  code: z.string(),
  name: z.string(),
  abilities: z.object({ read: z.boolean(), manage: z.boolean() }),
  /** compounds the actor reaches through a compound-level role (owners' committee, property staff, grid worker) */
  compounds: z.array(placeCompoundNode),
});
export const placeStreetNode = z.object({
  id,
  code: z.string(),
  name: z.string(),
  abilities: z.object({ oversee: z.boolean() }),
  communities: z.array(placeCommunityNode),
});
export const placeDistrictNode = z.object({
  id,
  code: z.string(),
  name: z.string(),
  abilities: z.object({ oversee: z.boolean() }),
  streets: z.array(placeStreetNode),
});
export const placesView = z.object({ districts: z.array(placeDistrictNode) });
export type PlacesView = z.infer<typeof placesView>;

// ——— communities ———

export const communityListQuery = pageQuery.extend({ q: searchText, streetId: z.uuid().optional() });

/** Figures counted from the registry itself. */
export const derivedFigures = z.object({
  compounds: count,
  buildings: count,
  units: count,
  /** residential units with a current (non-developer) owner or a current resident */
  households: count,
  residents: count,
  grids: count,
  /** grids that have their full-time worker */
  gridWorkers: count,
  /** the community Party organisation plus its grid branches */
  partyOrganisations: count,
  partyMembers: count,
  /** owners' committees whose term has not ended */
  ownersCommittees: count,
});
export type DerivedFigures = z.infer<typeof derivedFigures>;

/** Figures the registry cannot derive; recorded by staff. null = not recorded. */
export const recordedFigures = z.object({
  areaM2: count.nullable(),
  /** areaM2 in km², three decimals, for display only */
  areaKm2: z.number().nullable(),
  populationRecorded: count.nullable(),
  socialWorkersRecorded: count.nullable(),
});

export const communityAbilities = z.object({ read: z.boolean(), manage: z.boolean(), recordFigures: z.boolean() });

export const communityView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  street: z.object({ id, name: z.string() }),
  district: z.object({ id, name: z.string() }),
  derived: derivedFigures,
  recorded: recordedFigures,
  abilities: communityAbilities,
});
export type CommunityView = z.infer<typeof communityView>;
export const communityList = paginated(communityView);

const figure = (max: number) => z.number().int('must be a whole number').min(0, 'must not be negative').max(max, `must be at most ${max}`).nullable().optional();
/** Only the keys sent change; null clears a figure. */
export const communityFiguresBody = z
  .strictObject({
    areaM2: figure(100_000_000),
    populationRecorded: figure(10_000_000),
    socialWorkersRecorded: figure(100_000),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'send at least one of areaM2, populationRecorded, socialWorkersRecorded' });
export type CommunityFiguresBody = z.infer<typeof communityFiguresBody>;

export const compoundAbilities = z.object({
  manage: z.boolean(),
  importRoster: z.boolean(),
  exportRoster: z.boolean(),
  seePhones: z.boolean(),
});

export const compoundListQuery = pageQuery.extend({ q: searchText });

const companyRef = z.object({ id, name: z.string() });

export const compoundSummary = z.object({
  id,
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  buildings: count,
  units: count,
  propertyCompany: companyRef.nullable(),
  abilities: compoundAbilities,
});
export const compoundList = paginated(compoundSummary);

export const gridView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  worker: z.object({ personId: id, name: z.string() }).nullable(),
  branch: z.object({ id, name: z.string() }).nullable(),
  buildings: count,
});
export const gridList = z.object({ items: z.array(gridView) });

export const memberView = z.object({ personId: id, name: z.string(), role: z.string(), partyMember: z.boolean(), since: isoDate });
const term = { termStart: isoDate.nullable(), termEnd: isoDate.nullable() };
export const ownersCommitteeView = z.object({
  id,
  name: z.string(),
  compound: z.object({ id, name: z.string() }).nullable(),
  ...term,
  /** the term has not ended */
  current: z.boolean(),
  members: z.array(memberView),
  partyMembers: count,
});
export const contractView = z.object({
  id,
  compound: z.object({ id, name: z.string() }),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  current: z.boolean(),
});
export const organisationsView = z.object({
  partyOrganisation: z
    .object({
      id,
      name: z.string(),
      members: z.array(memberView),
      gridBranches: z.array(z.object({ id, name: z.string(), grid: z.object({ id, name: z.string() }).nullable(), members: z.array(memberView) })),
    })
    .nullable(),
  residentsCommittee: z.object({ id, name: z.string(), ...term, members: z.array(memberView) }).nullable(),
  ownersCommittees: z.array(ownersCommitteeView),
  propertyCompanies: z.array(z.object({ id, name: z.string(), creditCode: z.string(), contracts: z.array(contractView) })),
});

// ——— compounds ———

export const compoundDetail = z.object({
  id,
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  parkingInVotingArea: z.boolean(),
  community: z.object({ id, name: z.string() }),
  counts: z.object({ buildings: count, units: count, residential: count, commercial: count, parking: count, owners: count, residents: count }),
  ownersCommittee: ownersCommitteeView.nullable(),
  propertyContract: z
    .object({ id, company: z.object({ id, name: z.string(), creditCode: z.string() }), startsOn: isoDate, endsOn: isoDate.nullable() })
    .nullable(),
  abilities: compoundAbilities,
});
export type CompoundDetail = z.infer<typeof compoundDetail>;

export const buildingView = z.object({ id, name: z.string(), grid: z.object({ id, name: z.string() }).nullable(), units: count });
export const buildingList = z.object({ items: z.array(buildingView) });

export const areasView = z.object({
  registered: areaString.nullable(),
  surveyed: areaString.nullable(),
  contract: areaString.nullable(),
});

export const unitListQuery = pageQuery.extend({
  buildingId: z.uuid().optional(),
  q: searchText,
  use: z.enum(unitUses).optional(),
});

export const unitRow = z.object({
  id,
  buildingId: id,
  buildingName: z.string(),
  number: z.string(),
  use: z.enum(unitUses),
  holderStatus: z.enum(holderStatuses),
  areas: areasView,
  votingArea: areaString.nullable(),
  votingAreaSource: z.enum(areaSources).nullable(),
  ownerNames: z.array(z.string()),
  ownerCount: count,
  abilities: z.object({ changeOwnership: z.boolean() }),
});
export type UnitRow = z.infer<typeof unitRow>;
export const unitList = paginated(unitRow);

export const personQuery = pageQuery.extend({ q: searchText });

const unitRef = z.object({ id, buildingName: z.string(), number: z.string() });

export const ownerRow = z.object({
  personId: id,
  name: z.string(),
  kind: z.enum(['person', 'organisation']),
  isDeveloper: z.boolean(),
  /** masked (138****0001) unless the actor may see phones here */
  phone: z.string().nullable(),
  idLast4: z.string().nullable(),
  units: z.array(unitRef.extend({ isVoter: z.boolean() })),
});
export const ownerList = paginated(ownerRow);

export const residentRow = z.object({
  residentId: id,
  personId: id,
  name: z.string(),
  phone: z.string().nullable(),
  relation: z.string(),
  since: isoDate,
  unit: unitRef,
});
export const residentList = paginated(residentRow);

// ——— units ———

export const unitDetail = z.object({
  id,
  community: z.object({ id, name: z.string() }),
  compound: z.object({ id, name: z.string() }),
  building: z.object({ id, name: z.string(), gridId: id.nullable() }),
  number: z.string(),
  use: z.enum(unitUses),
  holderStatus: z.enum(holderStatuses),
  areas: areasView,
  votingArea: areaString.nullable(),
  votingAreaSource: z.enum(areaSources).nullable(),
  owners: z.array(z.object({
    ownershipId: id,
    personId: id,
    name: z.string(),
    kind: z.enum(['person', 'organisation']),
    isDeveloper: z.boolean(),
    phone: z.string().nullable(),
    idLast4: z.string().nullable(),
    isVoter: z.boolean(),
    since: isoDate,
  })),
  residents: z.array(z.object({ residentId: id, personId: id, name: z.string(), phone: z.string().nullable(), relation: z.string(), since: isoDate })),
  /** every ownership row, current and closed, newest first */
  history: z.array(z.object({ ownershipId: id, personId: id, name: z.string(), isVoter: z.boolean(), since: isoDate, until: isoDate.nullable() })),
  abilities: z.object({ changeOwnership: z.boolean(), seePhones: z.boolean() }),
});
export type UnitDetail = z.infer<typeof unitDetail>;

/** A new owner is an existing person of the community (personId) or a new one (name, phone). */
export const newOwner = z
  .strictObject({
    personId: z.uuid().optional(),
    name: z.string().trim().min(1, 'must not be empty').max(100).optional(),
    phone: phone.optional(),
    kind: z.enum(['person', 'organisation']).optional(),
    isDeveloper: z.boolean().optional(),
    isVoter: z.boolean().optional(),
  })
  .refine((o) => !!o.personId !== !!o.name, { message: 'give either personId (an existing person) or name (a new person)' });

export const ownershipChangeBody = z.strictObject({
  /** the day the new owners take over; the old rows end on it */
  date: isoDate,
  owners: z.array(newOwner).min(1, 'name at least one owner').max(20),
  /** e.g. owned once the developer sells a unit; unchanged when left out */
  holderStatus: z.enum(holderStatuses).optional(),
});
export type OwnershipChangeBody = z.infer<typeof ownershipChangeBody>;

export const myUnitsView = z.object({
  items: z.array(z.object({
    id,
    community: z.object({ id, name: z.string() }),
    compound: z.object({ id, name: z.string() }),
    buildingName: z.string(),
    number: z.string(),
    use: z.enum(unitUses),
    areas: areasView,
    votingArea: areaString.nullable(),
    votingAreaSource: z.enum(areaSources).nullable(),
    /** owner when one of the actor's people owns it now, else resident */
    relation: z.enum(['owner', 'resident']),
    coOwners: z.array(z.object({ name: z.string(), isVoter: z.boolean(), isMe: z.boolean() })),
  })),
});

// ——— commands without a route (CLI, demo loader, tests) ———

const code = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');
const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const createDistrictInput = z.strictObject({ code, name });
export const createStreetInput = z.strictObject({ districtId: z.uuid(), code, name });
export const createCommunityInput = z.strictObject({
  streetId: z.uuid(),
  code,
  name,
  address: z.string().trim().max(200).nullable().optional(),
  areaM2: z.number().int().min(0).nullable().optional(),
});
export const createCompoundInput = z.strictObject({
  communityId: z.uuid(),
  code,
  name,
  address: z.string().trim().max(200).nullable().optional(),
  parkingInVotingArea: z.boolean().optional(),
});
/** POST /api/communities/:id/compounds: the community comes from the path. */
export const createCompoundBody = createCompoundInput.omit({ communityId: true });
export const compoundCreated = z.object({ id, communityId: id, code: z.string(), name: z.string() });
export type CreateDistrictInput = z.input<typeof createDistrictInput>;
export type CreateStreetInput = z.input<typeof createStreetInput>;
export type CreateCommunityInput = z.input<typeof createCommunityInput>;
export type CreateCompoundInput = z.input<typeof createCompoundInput>;
