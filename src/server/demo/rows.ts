// The demo's rows, named exactly as the registry's columns, and the SQL type of every column for
// the unnest() bulk insert. created_at is left to its default. Enum columns travel as text and
// are cast on insert.

export interface CommunityRow {
  id: string; street_id: string; district_id: string; code: string; name: string; address: string;
  area_m2: number; population_recorded: number; social_workers_recorded: number;
}
export interface CompoundRow {
  community_id: string; id: string; code: string; name: string; address: string; parking_in_voting_area: boolean;
}
export interface GridRow { community_id: string; id: string; code: string; name: string; worker_person_id: string | null }
export interface BuildingRow { community_id: string; id: string; compound_id: string; grid_id: string | null; name: string }
export type UnitUse = 'residential' | 'commercial' | 'parking';
export type HolderStatus = 'owned' | 'developer_unsold' | 'sold_not_delivered';
export interface UnitRow {
  community_id: string; id: string; compound_id: string; building_id: string; number: string;
  use: UnitUse; holder_status: HolderStatus;
  area_registered_centi: number | null; area_surveyed_centi: number | null; area_contract_centi: number | null;
}
export interface PersonRow {
  community_id: string; id: string; kind: 'person' | 'organisation'; name: string; phone: string | null;
  id_hash: string | null; id_last4: string | null; is_developer: boolean; party_member: boolean;
}
export interface OwnershipRow {
  community_id: string; id: string; unit_id: string; person_id: string; is_voter: boolean; since: string; until: string | null;
}
export interface ResidentRow {
  community_id: string; id: string; unit_id: string; person_id: string; relation: 'owner' | 'family' | 'tenant'; since: string; until: string | null;
}
export type OrganisationKind = 'party_org' | 'grid_branch' | 'residents_committee' | 'owners_committee';
export interface OrganisationRow {
  community_id: string; id: string; kind: OrganisationKind; name: string; parent_id: string | null;
  compound_id: string | null; grid_id: string | null; term_start: string | null; term_end: string | null;
}
export interface MembershipRow {
  community_id: string; id: string; organisation_id: string; person_id: string; role: string; since: string; until: string | null;
}
export interface ContractRow {
  community_id: string; id: string; compound_id: string; company_id: string; starts_on: string; ends_on: string | null;
}

/** One community's rows, in the order they must be inserted (foreign keys). */
export interface CommunityRows {
  communities: CommunityRow[];
  compounds: CompoundRow[];
  grids: GridRow[];
  buildings: BuildingRow[];
  units: UnitRow[];
  people: PersonRow[];
  ownerships: OwnershipRow[];
  residents: ResidentRow[];
  organisations: OrganisationRow[];
  memberships: MembershipRow[];
  property_contracts: ContractRow[];
}

export const emptyCommunityRows = (): CommunityRows => ({
  communities: [], compounds: [], grids: [], buildings: [], units: [], people: [], ownerships: [],
  residents: [], organisations: [], memberships: [], property_contracts: [],
});

type ColumnTypes<R> = { [K in keyof R]-?: string };

/** SQL element type of each column; "enum:x" is sent as text and cast to x. */
export const communityColumns: { [T in keyof CommunityRows]: ColumnTypes<CommunityRows[T][number]> } = {
  communities: {
    id: 'uuid', street_id: 'uuid', district_id: 'uuid', code: 'text', name: 'text', address: 'text',
    area_m2: 'int', population_recorded: 'int', social_workers_recorded: 'int',
  },
  compounds: { community_id: 'uuid', id: 'uuid', code: 'text', name: 'text', address: 'text', parking_in_voting_area: 'boolean' },
  grids: { community_id: 'uuid', id: 'uuid', code: 'text', name: 'text', worker_person_id: 'uuid' },
  buildings: { community_id: 'uuid', id: 'uuid', compound_id: 'uuid', grid_id: 'uuid', name: 'text' },
  units: {
    community_id: 'uuid', id: 'uuid', compound_id: 'uuid', building_id: 'uuid', number: 'text',
    use: 'enum:unit_use', holder_status: 'enum:holder_status',
    area_registered_centi: 'int', area_surveyed_centi: 'int', area_contract_centi: 'int',
  },
  people: {
    community_id: 'uuid', id: 'uuid', kind: 'enum:person_kind', name: 'text', phone: 'text',
    id_hash: 'text', id_last4: 'text', is_developer: 'boolean', party_member: 'boolean',
  },
  ownerships: { community_id: 'uuid', id: 'uuid', unit_id: 'uuid', person_id: 'uuid', is_voter: 'boolean', since: 'date', until: 'date' },
  residents: { community_id: 'uuid', id: 'uuid', unit_id: 'uuid', person_id: 'uuid', relation: 'text', since: 'date', until: 'date' },
  organisations: {
    community_id: 'uuid', id: 'uuid', kind: 'enum:organisation_kind', name: 'text', parent_id: 'uuid',
    compound_id: 'uuid', grid_id: 'uuid', term_start: 'date', term_end: 'date',
  },
  memberships: { community_id: 'uuid', id: 'uuid', organisation_id: 'uuid', person_id: 'uuid', role: 'text', since: 'date', until: 'date' },
  property_contracts: { community_id: 'uuid', id: 'uuid', compound_id: 'uuid', company_id: 'uuid', starts_on: 'date', ends_on: 'date' },
};

/** The reference tables, shared by all communities. */
export const referenceColumns = {
  districts: { id: 'uuid', code: 'text', name: 'text' },
  streets: { id: 'uuid', district_id: 'uuid', code: 'text', name: 'text' },
  property_companies: { id: 'uuid', credit_code: 'text', name: 'text' },
} as const;
