import {
  pgTable, uuid, text, integer, boolean, date, timestamp, jsonb, primaryKey, foreignKey, index, uniqueIndex, customType, pgEnum, type PgColumn,
} from 'drizzle-orm/pg-core';
import { decidingBodies, matterSources, matterSteps, matterUrgencies, responsibleParties } from '../../../contracts/consultation.ts';

// The consultation module's tables: matters and everything that happens to them. Every table
// belongs to a community and carries community_id first in its primary key and foreign keys
// (architecture.md: sharding by community). Registry rows (compounds, units) and the rows of
// meetings, notices and votes are referenced by id only, never by foreign key across modules.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const matterStep = pgEnum('matter_step', matterSteps);
export const matterUrgency = pgEnum('matter_urgency', matterUrgencies);
export const matterSource = pgEnum('matter_source', matterSources);
export const decidingBody = pgEnum('matter_deciding_body', decidingBodies);
export const responsibleParty = pgEnum('matter_responsible_party', responsibleParties);

/** A community's settings for the procedure; a community without a row uses the defaults. */
export const consultationSettings = pgTable('consultation_settings', {
  communityId: uuid('community_id').primaryKey(),
  cosignaturesRequired: integer('cosignatures_required').notNull(),
  consultDays: integer('consult_days').notNull(),
  deliberateDays: integer('deliberate_days').notNull(),
  resolveDays: integer('resolve_days').notNull(),
  postingDays: integer('posting_days').notNull(),
  /** [{ key, nameZh, nameEn }] */
  categories: jsonb('categories').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const matters = pgTable('matters', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  compoundId: uuid('compound_id'),
  title: text('title').notNull(),
  description: text('description').notNull(),
  category: text('category').notNull(),
  urgency: matterUrgency('urgency').notNull(),
  /** Civil Code Art. 278 item 1–9, or null for other matters */
  art278Item: integer('art278_item'),
  decidingBody: decidingBody('deciding_body').notNull(),
  source: matterSource('source').notNull(),
  sourceRef: text('source_ref'),
  raisedByLabel: text('raised_by_label').notNull(),
  raisedByUserId: uuid('raised_by_user_id'),
  raisedByPhone: text('raised_by_phone'),
  /** the raising household of a residents' matter; it does not count as a co-signer */
  raisedByUnitId: uuid('raised_by_unit_id'),
  raisedAt: ts('raised_at').notNull(),
  step: matterStep('step').notNull().default('propose'),
  /** bumped by every move; a move names the version it expects */
  version: integer('version').notNull().default(1),
  stepEnteredAt: ts('step_entered_at').notNull(),
  /** the deadline running in the step (domain/deadlines.ts) */
  stepDueAt: ts('step_due_at'),
  /** frozen when raised: the community's number for residents' matters, else 0 */
  signaturesRequired: integer('signatures_required').notNull(),
  cosignatures: integer('cosignatures').notNull().default(0),
  supports: integer('supports').notNull().default(0),
  direction: text('direction'),
  consultDays: integer('consult_days'),
  consultShortenedReason: text('consult_shortened_reason'),
  /** why it was declined, withdrawn or escalated (the last such move) */
  outcomeReason: text('outcome_reason'),
  resolutionNoticeId: uuid('resolution_notice_id'),
  resultsNoticeId: uuid('results_notice_id'),
  acceptedParty: text('accepted_party'),
  acceptanceNote: text('acceptance_note'),
  acceptedBy: text('accepted_by'),
  acceptedAt: ts('accepted_at'),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('matters_id_uq').on(t.id),
  index('matters_step_idx').on(t.communityId, t.step, t.raisedAt),
  index('matters_compound_idx').on(t.communityId, t.compoundId),
  index('matters_due_idx').on(t.communityId, t.stepDueAt),
  index('matters_raised_idx').on(t.communityId, t.raisedAt),
  // the street and district lists page through many communities newest first: this index lets
  // such a page stop after its rows instead of sorting every matter of the communities
  index('matters_newest_idx').on(t.raisedAt, t.id),
]);

const matterFk = (t: { communityId: PgColumn; matterId: PgColumn }) =>
  foreignKey({ columns: [t.communityId, t.matterId], foreignColumns: [matters.communityId, matters.id] });

/** Each stay of a matter in a step: the board's history and the median time per step. */
export const matterStepLog = pgTable('matter_step_log', {
  communityId: uuid('community_id').notNull(),
  matterId: uuid('matter_id').notNull(),
  seq: integer('seq').notNull(),
  step: matterStep('step').notNull(),
  enteredAt: ts('entered_at').notNull(),
  leftAt: ts('left_at'),
  by: text('by').notNull(),
  reason: text('reason'),
}, (t) => [primaryKey({ columns: [t.communityId, t.matterId, t.seq] }), matterFk(t), index('matter_step_log_step_idx').on(t.communityId, t.step)]);

/** One co-signature per household (unit); the primary key makes a second one impossible. */
export const matterCosignatures = pgTable('matter_cosignatures', {
  communityId: uuid('community_id').notNull(),
  matterId: uuid('matter_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  signedBy: text('signed_by').notNull(),
  signedAt: ts('signed_at').notNull(),
}, (t) => [primaryKey({ columns: [t.communityId, t.matterId, t.unitId] }), matterFk(t)]);

export const matterSupports = pgTable('matter_supports', {
  communityId: uuid('community_id').notNull(),
  matterId: uuid('matter_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  supportedBy: text('supported_by').notNull(),
  supportedAt: ts('supported_at').notNull(),
}, (t) => [primaryKey({ columns: [t.communityId, t.matterId, t.unitId] }), matterFk(t)]);

export const matterComments = pgTable('matter_comments', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  matterId: uuid('matter_id').notNull(),
  author: text('author').notNull(),
  unitId: uuid('unit_id'),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull(),
  hiddenAt: ts('hidden_at'),
  hiddenBy: text('hidden_by'),
  hiddenReason: text('hidden_reason'),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('matter_comments_id_uq').on(t.id),
  index('matter_comments_matter_idx').on(t.communityId, t.matterId, t.createdAt),
  matterFk(t),
]);

export const matterSurveys = pgTable('matter_surveys', {
  communityId: uuid('community_id').notNull(),
  matterId: uuid('matter_id').notNull(),
  /** [{ text, kind: single | multiple, options: string[] }] */
  questions: jsonb('questions').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.communityId, t.matterId] }), matterFk(t)]);

export const matterSurveyResponses = pgTable('matter_survey_responses', {
  communityId: uuid('community_id').notNull(),
  matterId: uuid('matter_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  /** option indexes per question */
  answers: jsonb('answers').notNull(),
  answeredBy: text('answered_by').notNull(),
  answeredAt: ts('answered_at').notNull(),
}, (t) => [primaryKey({ columns: [t.communityId, t.matterId, t.unitId] }), matterFk(t)]);

export const matterResolutions = pgTable('matter_resolutions', {
  communityId: uuid('community_id').notNull(),
  matterId: uuid('matter_id').notNull(),
  text: text('text').notNull(),
  decidingBody: decidingBody('deciding_body').notNull(),
  /** meeting: decided by a body on the joint meeting's record; vote: the owners' vote's published result */
  basis: text('basis').notNull(),
  meetingId: uuid('meeting_id'),
  voteId: uuid('vote_id'),
  passed: boolean('passed'),
  basisNote: text('basis_note'),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [primaryKey({ columns: [t.communityId, t.matterId] }), matterFk(t)]);

export const matterTasks = pgTable('matter_tasks', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  matterId: uuid('matter_id').notNull(),
  title: text('title').notNull(),
  responsibleParty: responsibleParty('responsible_party').notNull(),
  responsibleName: text('responsible_name').notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  progress: integer('progress').notNull().default(0),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  completedAt: ts('completed_at'),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('matter_tasks_id_uq').on(t.id),
  index('matter_tasks_matter_idx').on(t.communityId, t.matterId),
  matterFk(t),
]);

export const matterTaskUpdates = pgTable('matter_task_updates', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  matterId: uuid('matter_id').notNull(),
  taskId: uuid('task_id').notNull(),
  progress: integer('progress').notNull(),
  note: text('note').notNull(),
  by: text('by').notNull(),
  at: ts('at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  index('matter_task_updates_task_idx').on(t.communityId, t.taskId, t.at),
  foreignKey({ columns: [t.communityId, t.taskId], foreignColumns: [matterTasks.communityId, matterTasks.id] }),
]);

/** Photos and documents of task updates, kept in the database with their hash: they are evidence. */
export const matterAttachments = pgTable('matter_attachments', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  matterId: uuid('matter_id').notNull(),
  updateId: uuid('update_id').notNull(),
  name: text('name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('matter_attachments_id_uq').on(t.id),
  index('matter_attachments_update_idx').on(t.communityId, t.updateId),
  foreignKey({ columns: [t.communityId, t.updateId], foreignColumns: [matterTaskUpdates.communityId, matterTaskUpdates.id] }),
]);

export const matterRatings = pgTable('matter_ratings', {
  communityId: uuid('community_id').notNull(),
  matterId: uuid('matter_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  score: integer('score').notNull(),
  comment: text('comment'),
  ratedBy: text('rated_by').notNull(),
  ratedAt: ts('rated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.communityId, t.matterId, t.unitId] }), matterFk(t)]);
