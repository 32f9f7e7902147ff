import {
  pgTable, uuid, text, integer, bigint, boolean, timestamp, jsonb, primaryKey, foreignKey, index, uniqueIndex, customType, pgEnum, type PgColumn,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

// The voting module's tables. Every one belongs to a community and carries community_id first in
// its primary key and foreign keys (architecture.md: sharding by community). The electorate is
// copied into vote_units / vote_unit_owners / vote_subjects / vote_voters when a vote opens, so
// later changes in the registry cannot alter it; nothing here references registry rows by FK.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

/** Uploaded files are kept in the database with their hash: documents are part of the record. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const voteState = pgEnum('vote_state', ['draft', 'announced', 'open', 'closed', 'counted', 'published', 'cancelled']);
export const convenerKind = pgEnum('vote_convener_kind', ['owners_committee', 'community']);
export const ballotChannel = pgEnum('ballot_channel', ['online', 'proxy', 'paper']);

/** Bounds a compound sets for its votes; a compound without a row uses the defaults. */
export const voteSettings = pgTable('vote_settings', {
  communityId: uuid('community_id').notNull(),
  compoundId: uuid('compound_id').notNull(),
  minNoticeDays: integer('min_notice_days').notNull(),
  minWindowDays: integer('min_window_days').notNull(),
  maxWindowDays: integer('max_window_days').notNull(),
  maxOwnersPerProxy: integer('max_owners_per_proxy').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.communityId, t.compoundId] }), uniqueIndex('vote_settings_compound_uq').on(t.compoundId)]);

export const votes = pgTable('votes', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  compoundId: uuid('compound_id').notNull(),
  /** the matter of the four-deliberation procedure this vote resolves, if any (no FK until that module exists) */
  matterId: uuid('matter_id'),
  /** who convenes: the compound's owners' committee, or the community where the compound has none */
  convenerKind: convenerKind('convener_kind').notNull(),
  title: text('title').notNull(),
  noticeText: text('notice_text').notNull(),
  preset: text('preset').notNull(),
  /** the options as the convener gave them, plus the compound's parking setting */
  options: jsonb('options').notNull(),
  allowBallotChange: boolean('allow_ballot_change').notNull().default(false),
  state: voteState('state').notNull().default('draft'),
  noticeAt: ts('notice_at').notNull(),
  opensAt: ts('opens_at').notNull(),
  closesAt: ts('closes_at').notNull(),
  announcedAt: ts('announced_at'),
  openedAt: ts('opened_at'),
  closedAt: ts('closed_at'),
  countedAt: ts('counted_at'),
  publishedAt: ts('published_at'),
  cancelledAt: ts('cancelled_at'),
  cancelReason: text('cancel_reason'),
  /** the Merkle root over the receipts of the counted ballots, fixed when the vote is counted */
  merkleRoot: text('merkle_root'),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('votes_id_uq').on(t.id),
  index('votes_compound_idx').on(t.communityId, t.compoundId, t.state),
  // the schedule's look-ups across communities (voting.scheduler.ts): only the votes waiting for a move
  index('votes_due_open_idx').on(t.opensAt).where(sql`${t.state} = 'announced'`),
  index('votes_due_close_idx').on(t.closesAt).where(sql`${t.state} = 'open'`),
]);

const voteFk = (t: { communityId: PgColumn; voteId: PgColumn }) =>
  foreignKey({ columns: [t.communityId, t.voteId], foreignColumns: [votes.communityId, votes.id] });

export const voteQuestions = pgTable('vote_questions', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  voteId: uuid('vote_id').notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  /** Civil Code Art. 278 item, 1–9 */
  item: integer('item').notNull(),
  kind: text('kind').notNull(),
  seats: integer('seats'),
  /** [{ id: "c1", name }] for an election */
  candidates: jsonb('candidates'),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('vote_questions_id_uq').on(t.id),
  uniqueIndex('vote_questions_position_uq').on(t.communityId, t.voteId, t.position),
  voteFk(t),
]);

export const voteDocuments = pgTable('vote_documents', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  voteId: uuid('vote_id').notNull(),
  /** notice | attachment | proxy_authorisation */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.communityId, t.id] }), uniqueIndex('vote_documents_id_uq').on(t.id), voteFk(t)]);

/** An owner's request to correct the electorate roll during the notice, and the convener's answer. */
export const voteCorrections = pgTable('vote_corrections', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  voteId: uuid('vote_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  text: text('text').notNull(),
  requesterPhone: text('requester_phone').notNull(),
  createdAt: createdAt(),
  answer: text('answer'),
  accepted: boolean('accepted'),
  answeredBy: text('answered_by'),
  answeredAt: ts('answered_at'),
}, (t) => [primaryKey({ columns: [t.communityId, t.id] }), uniqueIndex('vote_corrections_id_uq').on(t.id), voteFk(t)]);

// ——— the frozen electorate ———

export const voteUnits = pgTable('vote_units', {
  communityId: uuid('community_id').notNull(),
  voteId: uuid('vote_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  buildingId: uuid('building_id').notNull(),
  buildingName: text('building_name').notNull(),
  number: text('number').notNull(),
  use: text('use').notNull(),
  holderStatus: text('holder_status').notNull(),
  developer: boolean('developer').notNull(),
  parking: boolean('parking').notNull(),
  areaRegisteredCenti: integer('area_registered_centi'),
  areaSurveyedCenti: integer('area_surveyed_centi'),
  areaContractCenti: integer('area_contract_centi'),
  voterPersonId: uuid('voter_person_id'),
  /** null when the unit does not count (a parking space the compound leaves out) */
  subjectKey: text('subject_key'),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.voteId, t.unitId] }),
  index('vote_units_subject_idx').on(t.communityId, t.voteId, t.subjectKey),
  // the count reports the parking spaces left out: few rows among a million units
  index('vote_units_parking_idx').on(t.communityId, t.voteId, t.unitId).where(sql`parking`),
  voteFk(t),
]);

export const voteUnitOwners = pgTable('vote_unit_owners', {
  communityId: uuid('community_id').notNull(),
  voteId: uuid('vote_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  personId: uuid('person_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.voteId, t.unitId, t.personId] }),
  index('vote_unit_owners_person_idx').on(t.communityId, t.voteId, t.personId),
  voteFk(t),
]);

export const voteSubjects = pgTable('vote_subjects', {
  communityId: uuid('community_id').notNull(),
  voteId: uuid('vote_id').notNull(),
  key: text('key').notNull(),
  representatives: jsonb('representatives').notNull(),
  areaCenti: bigint('area_centi', { mode: 'number' }).notNull(),
  developer: boolean('developer').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.voteId, t.key] }),
  // results list subjects in code-unit order (the tally core's), whatever the database's collation
  index('vote_subjects_order_idx').on(t.communityId, t.voteId, sql`${t.key} collate "C"`),
  voteFk(t),
]);

/** Each person who speaks for a subject (a representative), for finding an owner's subject fast. */
export const voteVoters = pgTable('vote_voters', {
  communityId: uuid('community_id').notNull(),
  voteId: uuid('vote_id').notNull(),
  personId: uuid('person_id').notNull(),
  subjectKey: text('subject_key').notNull(),
}, (t) => [primaryKey({ columns: [t.communityId, t.voteId, t.personId] }), voteFk(t)]);

// ——— ballots ———

export const voteProxies = pgTable('vote_proxies', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  voteId: uuid('vote_id').notNull(),
  principalPersonId: uuid('principal_person_id').notNull(),
  proxyName: text('proxy_name').notNull(),
  proxyPhone: text('proxy_phone').notNull(),
  documentId: uuid('document_id').notNull(),
  registeredBy: text('registered_by').notNull(),
  createdAt: createdAt(),
  /** a revoked proxy is kept for the record; its holder no longer speaks for the principal */
  revokedAt: ts('revoked_at'),
  revokedBy: text('revoked_by'),
  revokeReason: text('revoke_reason'),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  // one proxy in force per principal: after a revocation the owner may authorise another
  uniqueIndex('vote_proxies_principal_uq').on(t.communityId, t.voteId, t.principalPersonId).where(sql`${t.revokedAt} is null`),
  index('vote_proxies_phone_idx').on(t.proxyPhone),
  voteFk(t),
]);

/**
 * The one current ballot of a subject on a question. The unique index is what makes two
 * simultaneous submissions record exactly one ballot.
 */
export const voteBallots = pgTable('vote_ballots', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  voteId: uuid('vote_id').notNull(),
  questionId: uuid('question_id').notNull(),
  subjectKey: text('subject_key').notNull(),
  /** whose ballot it is in the record: the representative, or the proxy's principal */
  voterPersonId: uuid('voter_person_id').notNull(),
  channel: ballotChannel('channel').notNull(),
  /** { choice } or { marks }: never returned by any endpoint before the vote is counted */
  content: jsonb('content').notNull(),
  receiptLeaf: text('receipt_leaf').notNull(),
  changes: integer('changes').notNull().default(0),
  proxyId: uuid('proxy_id'),
  castBy: text('cast_by').notNull(),
  castAt: ts('cast_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('vote_ballots_subject_uq').on(t.communityId, t.voteId, t.questionId, t.subjectKey),
  voteFk(t),
]);

/** Every receipt ever issued; a changed or overridden ballot's receipt is superseded, not deleted. */
export const voteReceipts = pgTable('vote_receipts', {
  communityId: uuid('community_id').notNull(),
  voteId: uuid('vote_id').notNull(),
  leaf: text('leaf').notNull(),
  questionId: uuid('question_id').notNull(),
  issuedAt: ts('issued_at').notNull(),
  supersededAt: ts('superseded_at'),
}, (t) => [primaryKey({ columns: [t.communityId, t.voteId, t.leaf] }), voteFk(t)]);

/**
 * The Merkle tree over the counted ballots' receipts, stored at publication one level per row
 * (32-byte nodes side by side, leaves first; stored uncompressed, see db-extras.sql), so that a
 * receipt's proof reads a few nodes instead of rebuilding the tree.
 */
export const voteMerkleLevels = pgTable('vote_merkle_levels', {
  communityId: uuid('community_id').notNull(),
  voteId: uuid('vote_id').notNull(),
  level: integer('level').notNull(),
  nodes: bytea('nodes').notNull(),
}, (t) => [primaryKey({ columns: [t.communityId, t.voteId, t.level] }), voteFk(t)]);

/** A paper ballot sheet entered twice by different staff; accepted when both entries agree. */
export const votePaperBallots = pgTable('vote_paper_ballots', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  voteId: uuid('vote_id').notNull(),
  subjectKey: text('subject_key').notNull(),
  unitId: uuid('unit_id').notNull(),
  /** awaiting_second | accepted | mismatch | discarded */
  status: text('status').notNull(),
  firstAnswers: jsonb('first_answers').notNull(),
  firstScanRef: text('first_scan_ref').notNull(),
  firstBy: text('first_by').notNull(),
  firstAt: ts('first_at').notNull(),
  secondAnswers: jsonb('second_answers'),
  secondScanRef: text('second_scan_ref'),
  secondBy: text('second_by'),
  secondAt: ts('second_at'),
  /** which entry the resolver found right: first | second */
  resolution: text('resolution'),
  resolvedBy: text('resolved_by'),
  resolvedAt: ts('resolved_at'),
  /** a sheet typed for the wrong unit, or found invalid, is discarded rather than deleted */
  discardedBy: text('discarded_by'),
  discardedAt: ts('discarded_at'),
  discardReason: text('discard_reason'),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('vote_paper_ballots_id_uq').on(t.id),
  // one live sheet per subject; discarded ones stay beside a fresh entry of the same unit
  uniqueIndex('vote_paper_ballots_subject_uq').on(t.communityId, t.voteId, t.subjectKey).where(sql`${t.status} <> 'discarded'`),
  voteFk(t),
]);

/** The first response to a ballot submission, replayed for a retry with the same Idempotency-Key. */
export const voteIdempotency = pgTable('vote_idempotency', {
  communityId: uuid('community_id').notNull(),
  voteId: uuid('vote_id').notNull(),
  actorKey: text('actor_key').notNull(),
  key: text('key').notNull(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code'),
  response: jsonb('response'),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.communityId, t.voteId, t.actorKey, t.key] }), voteFk(t)]);

/** What owners were told (an extended closing time): the record that they were notified. */
export const voteNotifications = pgTable('vote_notifications', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  voteId: uuid('vote_id').notNull(),
  kind: text('kind').notNull(),
  messageZh: text('message_zh').notNull(),
  messageEn: text('message_en').notNull(),
  recipients: jsonb('recipients').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.communityId, t.id] }), voteFk(t)]);

/**
 * Each question's counted result as text, without the per-subject reports (derived page by page
 * from the frozen electorate and the ballots, which nothing changes once the vote has closed).
 */
export const voteResults = pgTable('vote_results', {
  communityId: uuid('community_id').notNull(),
  voteId: uuid('vote_id').notNull(),
  questionId: uuid('question_id').notNull(),
  resultJson: text('result_json').notNull(),
  passed: boolean('passed'),
}, (t) => [primaryKey({ columns: [t.communityId, t.voteId, t.questionId] }), voteFk(t)]);
