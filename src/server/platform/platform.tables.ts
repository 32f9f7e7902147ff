import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Per-installation values generated on first start, such as the secret that salts ID hashes. */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
