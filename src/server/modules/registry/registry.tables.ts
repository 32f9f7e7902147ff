import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, boolean, date, timestamp, jsonb, primaryKey, foreignKey, index, uniqueIndex, pgEnum,
} from 'drizzle-orm/pg-core';

// Reference tables (districts, streets, property companies) are small and shared. Every table
// that belongs to a community carries community_id first in its primary key and foreign keys, so
// the schema can be sharded by community (architecture.md: Citus).

export const unitUse = pgEnum('unit_use', ['residential', 'commercial', 'parking']);
export const holderStatus = pgEnum('holder_status', ['owned', 'developer_unsold', 'sold_not_delivered']);
export const personKind = pgEnum('person_kind', ['person', 'organisation']);
export const organisationKind = pgEnum('organisation_kind', [
  'party_org', 'grid_branch', 'residents_committee', 'owners_committee',
]);

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const districts = pgTable('districts', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const streets = pgTable('streets', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('streets_district_idx').on(t.districtId)]);

export const communities = pgTable('communities', {
  id: uuid('id').primaryKey().defaultRandom(),
  streetId: uuid('street_id').notNull().references(() => streets.id),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  address: text('address'),
  /** land area in m²; recorded, since the registry holds no boundaries */
  areaM2: integer('area_m2'),
  /** figures the registry cannot derive are recorded; null = unknown */
  populationRecorded: integer('population_recorded'),
  socialWorkersRecorded: integer('social_workers_recorded'),
  createdAt: createdAt(),
}, (t) => [index('communities_street_idx').on(t.streetId), index('communities_district_idx').on(t.districtId)]);

export const compounds = pgTable('compounds', {
  communityId: uuid('community_id').notNull().references(() => communities.id),
  id: uuid('id').notNull().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  address: text('address'),
  /** owners-vote.md §3.4: whether parking spaces count in the voting area */
  parkingInVotingArea: boolean('parking_in_voting_area').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('compounds_id_uq').on(t.id),
  uniqueIndex('compounds_code_uq').on(t.communityId, t.code),
]);

export const grids = pgTable('grids', {
  communityId: uuid('community_id').notNull().references(() => communities.id),
  id: uuid('id').notNull().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  /** the one full-time grid worker (1:1) */
  workerPersonId: uuid('worker_person_id'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('grids_id_uq').on(t.id),
  uniqueIndex('grids_code_uq').on(t.communityId, t.code),
]);

export const buildings = pgTable('buildings', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  compoundId: uuid('compound_id').notNull(),
  gridId: uuid('grid_id'),
  /** as on the roster sheet, e.g. "3栋" or "3" */
  name: text('name').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('buildings_id_uq').on(t.id),
  uniqueIndex('buildings_name_uq').on(t.communityId, t.compoundId, t.name),
  foreignKey({ columns: [t.communityId, t.compoundId], foreignColumns: [compounds.communityId, compounds.id] }),
  foreignKey({ columns: [t.communityId, t.gridId], foreignColumns: [grids.communityId, grids.id] }),
  index('buildings_grid_idx').on(t.communityId, t.gridId),
]);

export const units = pgTable('units', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  compoundId: uuid('compound_id').notNull(),
  buildingId: uuid('building_id').notNull(),
  number: text('number').notNull(),
  use: unitUse('use').notNull().default('residential'),
  holderStatus: holderStatus('holder_status').notNull().default('owned'),
  /** exclusive area per source, in integer 0.01 m²; null where the source does not exist */
  areaRegisteredCenti: integer('area_registered_centi'),
  areaSurveyedCenti: integer('area_surveyed_centi'),
  areaContractCenti: integer('area_contract_centi'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('units_id_uq').on(t.id),
  uniqueIndex('units_number_uq').on(t.communityId, t.buildingId, t.number),
  index('units_compound_idx').on(t.communityId, t.compoundId, t.buildingId, t.number),
  foreignKey({ columns: [t.communityId, t.buildingId], foreignColumns: [buildings.communityId, buildings.id] }),
  foreignKey({ columns: [t.communityId, t.compoundId], foreignColumns: [compounds.communityId, compounds.id] }),
]);

export const people = pgTable('people', {
  communityId: uuid('community_id').notNull().references(() => communities.id),
  id: uuid('id').notNull().defaultRandom(),
  kind: personKind('kind').notNull().default('person'),
  name: text('name').notNull(),
  phone: text('phone'),
  /** ID numbers are never stored: a salted hash for matching, and the last four characters */
  idHash: text('id_hash'),
  idLast4: text('id_last4'),
  isDeveloper: boolean('is_developer').notNull().default(false),
  partyMember: boolean('party_member').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('people_id_uq').on(t.id),
  index('people_phone_idx').on(t.phone),
  index('people_id_hash_idx').on(t.communityId, t.idHash),
]);

export const ownerships = pgTable('ownerships', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  unitId: uuid('unit_id').notNull(),
  personId: uuid('person_id').notNull(),
  /** the co-owner named to vote for the unit */
  isVoter: boolean('is_voter').notNull().default(false),
  since: date('since', { mode: 'string' }).notNull(),
  /** null while current; a change of ownership closes the old rows and opens new ones */
  until: date('until', { mode: 'string' }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  foreignKey({ columns: [t.communityId, t.unitId], foreignColumns: [units.communityId, units.id] }),
  foreignKey({ columns: [t.communityId, t.personId], foreignColumns: [people.communityId, people.id] }),
  index('ownerships_unit_idx').on(t.communityId, t.unitId),
  index('ownerships_person_idx').on(t.communityId, t.personId),
  uniqueIndex('ownerships_current_uq').on(t.communityId, t.unitId, t.personId).where(sql`until is null`),
]);

export const residents = pgTable('residents', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  unitId: uuid('unit_id').notNull(),
  personId: uuid('person_id').notNull(),
  /** owner, family, tenant */
  relation: text('relation').notNull(),
  since: date('since', { mode: 'string' }).notNull(),
  until: date('until', { mode: 'string' }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  foreignKey({ columns: [t.communityId, t.unitId], foreignColumns: [units.communityId, units.id] }),
  foreignKey({ columns: [t.communityId, t.personId], foreignColumns: [people.communityId, people.id] }),
  index('residents_unit_idx').on(t.communityId, t.unitId),
]);

export const organisations = pgTable('organisations', {
  communityId: uuid('community_id').notNull().references(() => communities.id),
  id: uuid('id').notNull().defaultRandom(),
  kind: organisationKind('kind').notNull(),
  name: text('name').notNull(),
  /** grid branches hang under the community Party organisation */
  parentId: uuid('parent_id'),
  compoundId: uuid('compound_id'),
  gridId: uuid('grid_id'),
  termStart: date('term_start', { mode: 'string' }),
  termEnd: date('term_end', { mode: 'string' }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('organisations_id_uq').on(t.id),
  index('organisations_kind_idx').on(t.communityId, t.kind),
]);

export const memberships = pgTable('memberships', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  personId: uuid('person_id').notNull(),
  /** secretary, chair, vice_chair, member, staff */
  role: text('role').notNull(),
  since: date('since', { mode: 'string' }).notNull(),
  until: date('until', { mode: 'string' }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  foreignKey({ columns: [t.communityId, t.organisationId], foreignColumns: [organisations.communityId, organisations.id] }),
  foreignKey({ columns: [t.communityId, t.personId], foreignColumns: [people.communityId, people.id] }),
  index('memberships_org_idx').on(t.communityId, t.organisationId),
]);

export const propertyCompanies = pgTable('property_companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** unified social credit code */
  creditCode: text('credit_code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const propertyContracts = pgTable('property_contracts', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  compoundId: uuid('compound_id').notNull(),
  companyId: uuid('company_id').notNull().references(() => propertyCompanies.id),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  foreignKey({ columns: [t.communityId, t.compoundId], foreignColumns: [compounds.communityId, compounds.id] }),
  index('property_contracts_company_idx').on(t.companyId),
]);

/** A roster import's progress and outcome, so the web app can poll it and the trail can cite it. */
export const rosterImports = pgTable('roster_imports', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  compoundId: uuid('compound_id').notNull(),
  fileName: text('file_name').notNull(),
  dryRun: boolean('dry_run').notNull(),
  /** parsing | validating | writing | done | failed */
  status: text('status').notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  /** [{ row, column, message }] */
  problems: jsonb('problems').notNull().default([]),
  summary: jsonb('summary'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
}, (t) => [primaryKey({ columns: [t.communityId, t.id] }), uniqueIndex('roster_imports_id_uq').on(t.id)]);
