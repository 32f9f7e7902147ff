import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, boolean, date, timestamp, jsonb, primaryKey, foreignKey, index, uniqueIndex, pgEnum, type PgColumn,
} from 'drizzle-orm/pg-core';

// The meetings module's tables. Every one belongs to a community and carries community_id first
// in its primary key and foreign keys (sharding by community). Registry rows (people, compounds)
// and matters of the consultation module are referenced by id WITHOUT foreign keys: names are
// copied where the record must not change with the registry, and meetings never imports the
// consultation module, which sits above it.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const meetingKind = pgEnum('meeting_kind', ['joint', 'two_committees', 'owners_committee']);
export const meetingParty = pgEnum('meeting_party', ['party_org', 'residents_committee', 'owners_committee', 'property_company', 'owners_representative']);
export const meetingPosition = pgEnum('meeting_position', ['support', 'object', 'abstain']);
export const meetingConclusion = pgEnum('meeting_conclusion', ['consensus', 'majority', 'no_consensus']);

/** A community's meeting rules; a community without a row uses the defaults (all four parties for a quorum). */
export const meetingSettings = pgTable('meeting_settings', {
  communityId: uuid('community_id').primaryKey(),
  jointMinParties: integer('joint_min_parties').notNull(),
  /** parties that must be present whatever the count */
  jointRequiredParties: jsonb('joint_required_parties').$type<string[]>().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A standing meeting's recurrence: weekday and local time in a zone. Occurrences are computed from it. */
export const meetingSeries = pgTable('meeting_series', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  kind: meetingKind('kind').notNull(),
  compoundId: uuid('compound_id'),
  /** the compound id, or "community": one series per kind and body */
  scopeKey: text('scope_key').notNull(),
  title: text('title').notNull(),
  /** ISO weekday, 1 = Monday */
  weekday: integer('weekday').notNull(),
  /** local "HH:MM" */
  timeOfDay: text('time_of_day').notNull(),
  timezone: text('timezone').notNull(),
  location: text('location'),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('meeting_series_id_uq').on(t.id),
  uniqueIndex('meeting_series_body_uq').on(t.communityId, t.kind, t.scopeKey),
]);

export const meetings = pgTable('meetings', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  kind: meetingKind('kind').notNull(),
  compoundId: uuid('compound_id'),
  /** the series this occurrence belongs to; null for an ad-hoc meeting */
  seriesId: uuid('series_id'),
  title: text('title').notNull(),
  scheduledAt: ts('scheduled_at').notNull(),
  location: text('location'),
  /** set when attendance is first recorded */
  heldAt: ts('held_at'),
  /** owners' committee meetings: the committee's size when attendance was last recorded */
  committeeSize: integer('committee_size'),
  minutesText: text('minutes_text').notNull().default(''),
  minutesUpdatedAt: ts('minutes_updated_at'),
  /** set when every required signer has signed the current record; nothing but addenda after */
  minutesLockedAt: ts('minutes_locked_at'),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('meetings_id_uq').on(t.id),
  uniqueIndex('meetings_occurrence_uq').on(t.communityId, t.seriesId, t.scheduledAt).where(sql`series_id is not null`),
  index('meetings_calendar_idx').on(t.communityId, t.scheduledAt),
  index('meetings_held_idx').on(t.communityId, t.kind, t.heldAt),
]);

const meetingFk = (t: { communityId: PgColumn; meetingId: PgColumn }) =>
  foreignKey({ columns: [t.communityId, t.meetingId], foreignColumns: [meetings.communityId, meetings.id] });

export const meetingAgendaItems = pgTable('meeting_agenda_items', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  position: integer('position').notNull(),
  /** a matter of the consultation module (no FK: that module sits above this one); null = free-text topic */
  matterId: uuid('matter_id'),
  title: text('title').notNull(),
  notes: text('notes').notNull().default(''),
  conclusion: meetingConclusion('conclusion'),
  direction: text('direction'),
  conclusionNote: text('conclusion_note'),
  /** tally and dissent as computed when concluded */
  conclusionDetail: jsonb('conclusion_detail'),
  concludedAt: ts('concluded_at'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('meeting_agenda_items_id_uq').on(t.id),
  meetingFk(t),
  index('meeting_agenda_items_meeting_idx').on(t.communityId, t.meetingId, t.position),
  index('meeting_agenda_items_matter_idx').on(t.communityId, t.matterId),
]);

export const meetingRepresentatives = pgTable('meeting_representatives', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  party: meetingParty('party').notNull(),
  voting: boolean('voting').notNull(),
  personId: uuid('person_id').notNull(),
  /** the name as the registry had it when invited: the record keeps it */
  name: text('name').notNull(),
  role: text('role'),
  companyId: uuid('company_id'),
  companyName: text('company_name'),
  /** the staff account that acts as this representative (positions, sign-off) */
  userId: uuid('user_id'),
  /** null until attendance is taken */
  present: boolean('present'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('meeting_representatives_id_uq').on(t.id),
  meetingFk(t),
  uniqueIndex('meeting_representatives_person_uq').on(t.communityId, t.meetingId, t.personId),
  uniqueIndex('meeting_representatives_user_uq').on(t.communityId, t.meetingId, t.userId).where(sql`user_id is not null`),
]);

/** One position per voter per item: the party (party-based kinds) or the member (owners' committee). */
export const meetingPositions = pgTable('meeting_positions', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  itemId: uuid('item_id').notNull(),
  voterKey: text('voter_key').notNull(),
  party: meetingParty('party').notNull(),
  /** who recorded it: a present representative of the party, or the member in person */
  representativeId: uuid('representative_id').notNull(),
  position: meetingPosition('position').notNull(),
  reason: text('reason').notNull(),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  meetingFk(t),
  foreignKey({ columns: [t.communityId, t.itemId], foreignColumns: [meetingAgendaItems.communityId, meetingAgendaItems.id] }),
  foreignKey({ columns: [t.communityId, t.representativeId], foreignColumns: [meetingRepresentatives.communityId, meetingRepresentatives.id] }),
  uniqueIndex('meeting_positions_voter_uq').on(t.communityId, t.itemId, t.voterKey),
]);

/** Sign-offs of the minutes; append-only. Each holds the digest of the record it was given to. */
export const meetingSignatures = pgTable('meeting_signatures', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  signerKey: text('signer_key').notNull(),
  party: meetingParty('party').notNull(),
  representativeId: uuid('representative_id').notNull(),
  userId: uuid('user_id').notNull(),
  digest: text('digest').notNull(),
  signedAt: ts('signed_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  meetingFk(t),
  foreignKey({ columns: [t.communityId, t.representativeId], foreignColumns: [meetingRepresentatives.communityId, meetingRepresentatives.id] }),
  index('meeting_signatures_meeting_idx').on(t.communityId, t.meetingId),
]);

/** Corrections after the minutes locked; append-only, each chained to the one before by its digest. */
export const meetingAddenda = pgTable('meeting_addenda', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  seq: integer('seq').notNull(),
  text: text('text').notNull(),
  authorUserId: uuid('author_user_id'),
  authorLabel: text('author_label').notNull(),
  representativeId: uuid('representative_id'),
  digest: text('digest').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  meetingFk(t),
  uniqueIndex('meeting_addenda_seq_uq').on(t.communityId, t.meetingId, t.seq),
]);
