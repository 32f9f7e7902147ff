import { pgTable, uuid, text, bigint, timestamp, jsonb, primaryKey, index } from 'drizzle-orm/pg-core';

/**
 * Append-only and hash-chained per community (a trigger refuses UPDATE and DELETE; see
 * platform/db-extras.sql). Events outside any community chain under GLOBAL_CHAIN.
 */
export const auditEvents = pgTable('audit_events', {
  communityId: uuid('community_id').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  id: uuid('id').notNull(),
  kind: text('kind').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id').notNull(),
  requestId: text('request_id'),
  /** ISO-8601 with milliseconds, kept as text so the hashed value is exactly the stored one */
  at: text('at').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.communityId, t.seq] }),
  index('audit_events_kind_idx').on(t.communityId, t.kind),
  index('audit_events_object_idx').on(t.objectType, t.objectId),
]);

/** The head of each chain, locked by the writer so appends to one community are serialised. */
export const auditHeads = pgTable('audit_heads', {
  communityId: uuid('community_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
