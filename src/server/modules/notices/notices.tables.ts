import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, timestamp, primaryKey, foreignKey, index, uniqueIndex, customType, pgEnum, type PgColumn,
} from 'drizzle-orm/pg-core';

// The notices module's tables. Each belongs to a community and carries community_id first in its
// primary key and foreign keys (sharding by community). Subjects (matters, votes) live in modules
// above or beside this one, so subject_id has no foreign key; compounds are registry rows read
// through the registry's index.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Photos and attachments are kept in the database with their hash: they are part of the record. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** Stored states only: "posting ended" is derived from the clock, so no job has to move notices. */
export const noticeState = pgEnum('notice_state', ['draft', 'published']);
export const noticeIssuer = pgEnum('notice_issuer', ['community', 'owners_committee']);
export const noticeFileKind = pgEnum('notice_file_kind', ['attachment', 'proof']);

/** Bounds a community sets for its notices; a community without a row uses the defaults. */
export const noticeSettings = pgTable('notice_settings', {
  communityId: uuid('community_id').primaryKey(),
  minPostingDays: integer('min_posting_days').notNull(),
  replyDays: integer('reply_days').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * A public notice. Once `state` is published the row is never written again: the one UPDATE in
 * the repo (draft edits and the publish move) carries `state = 'draft'` in its WHERE clause.
 */
export const notices = pgTable('notices', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  compoundId: uuid('compound_id'),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  issuerKind: noticeIssuer('issuer_kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  state: noticeState('state').notNull().default('draft'),
  postingDays: integer('posting_days').notNull(),
  objectionDays: integer('objection_days').notNull(),
  /** copied from the community's settings when published, so later changes do not move deadlines */
  replyDays: integer('reply_days').notNull(),
  /** on a draft: the scheduled start, or null for "when published" */
  postingStartsAt: ts('posting_starts_at'),
  postingEndsAt: ts('posting_ends_at'),
  objectionEndsAt: ts('objection_ends_at'),
  publishedAt: ts('published_at'),
  publishedBy: text('published_by'),
  correctsId: uuid('corrects_id'),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('notices_id_uq').on(t.id),
  foreignKey({ columns: [t.communityId, t.correctsId], foreignColumns: [t.communityId, t.id] }),
  // one published correction per notice: a second correction corrects the correction
  uniqueIndex('notices_one_correction_uq').on(t.communityId, t.correctsId).where(sql`state = 'published' and corrects_id is not null`),
  index('notices_community_idx').on(t.communityId, t.state, t.publishedAt),
  index('notices_compound_idx').on(t.compoundId, t.state),
  index('notices_subject_idx').on(t.subjectType, t.subjectId),
]);

const noticeFk = (t: { communityId: PgColumn; noticeId: PgColumn }) =>
  foreignKey({ columns: [t.communityId, t.noticeId], foreignColumns: [notices.communityId, notices.id] });

/** Attachments of a draft, and photos proving the notice was posted on the board. */
export const noticeFiles = pgTable('notice_files', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  noticeId: uuid('notice_id').notNull(),
  kind: noticeFileKind('kind').notNull(),
  name: text('name').notNull(),
  /** sniffed from the bytes, never taken from the client */
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  /** where and how it was posted ("board at gate 2") */
  note: text('note'),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedByUserId: uuid('uploaded_by_user_id'),
  uploadedAt: ts('uploaded_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('notice_files_id_uq').on(t.id),
  noticeFk(t),
  index('notice_files_notice_idx').on(t.communityId, t.noticeId, t.kind),
]);

/** An objection raised by a resident, and the issuer's answer. */
export const noticeObjections = pgTable('notice_objections', {
  communityId: uuid('community_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  noticeId: uuid('notice_id').notNull(),
  text: text('text').notNull(),
  raiserPhone: text('raiser_phone').notNull(),
  /** the unit through which the raiser belongs to the notice's compound or community */
  unitId: uuid('unit_id'),
  raisedAt: ts('raised_at').notNull(),
  /** raisedAt + the notice's reply days */
  replyDueAt: ts('reply_due_at').notNull(),
  answer: text('answer'),
  answeredAt: ts('answered_at'),
  answeredBy: text('answered_by'),
  answeredByUserId: uuid('answered_by_user_id'),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.id] }),
  uniqueIndex('notice_objections_id_uq').on(t.id),
  noticeFk(t),
  index('notice_objections_notice_idx').on(t.communityId, t.noticeId, t.raisedAt),
  index('notice_objections_phone_idx').on(t.raiserPhone),
  // the overdue list reads unanswered objections by due time
  index('notice_objections_unanswered_idx').on(t.communityId, t.replyDueAt).where(sql`answered_at is null`),
]);
