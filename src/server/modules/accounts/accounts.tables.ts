import { pgTable, uuid, text, integer, timestamp, index, pgEnum, uniqueIndex } from 'drizzle-orm/pg-core';

export const roleName = pgEnum('role_name', [
  'district_admin', 'street_admin', 'community_staff', 'grid_worker', 'owners_committee', 'property_staff',
]);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Staff accounts. Owners have no account: they log in by phone and a one-time code. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  phone: text('phone'),
  disabledAt: ts('disabled_at'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lastFailedAt: ts('last_failed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A role held over one scope: a district, street, community, grid, compound or property company. */
export const roleGrants = pgTable('role_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  role: roleName('role').notNull(),
  scopeId: uuid('scope_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('role_grants_user_idx').on(t.userId), uniqueIndex('role_grants_uq').on(t.userId, t.role, t.scopeId)]);

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** sha256 of the cookie token; the token itself is never stored */
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id').references(() => users.id),
  ownerPhone: text('owner_phone'),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
});

export const otpCodes = pgTable('otp_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  phone: text('phone').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  consumedAt: ts('consumed_at'),
}, (t) => [index('otp_codes_phone_idx').on(t.phone, t.createdAt)]);

/** What the built-in sender "sent": a dev mailbox that admins can read in embedded mode. */
export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  channel: text('channel').notNull(),
  recipient: text('recipient').notNull(),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('outbox_created_idx').on(t.createdAt)]);
