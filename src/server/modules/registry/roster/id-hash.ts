import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { instanceSettings } from '../../../platform/platform.tables.ts';
import { parseIdNumber } from './domain/cells.ts';

// ID numbers are never stored. People carry HMAC-SHA256(salt, number) for matching and the last
// four characters for display. The salt is one row of instance_settings, created on first use:
// derived from SIYI_SECRET when that is set, else random. It is read back from the table from then
// on, so later setting or changing SIYI_SECRET cannot silently change every hash, and several
// servers on one PostgreSQL agree.

const SALT_KEY = 'id_hash_salt';

export async function idNumberSalt(db: Db, secret: string | null = null): Promise<string> {
  const read = async () => (await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, SALT_KEY)))[0]?.value;
  const stored = await read();
  if (stored) return stored;
  const value = secret ? createHmac('sha256', secret).update(SALT_KEY).digest('hex') : randomBytes(32).toString('hex');
  await db.insert(instanceSettings).values({ key: SALT_KEY, value }).onConflictDoNothing();
  return (await read())!;
}

/** A hash function for many numbers at once (an import); `full` is the 18-character form from parseIdNumber. */
export async function idNumberHasher(db: Db, secret: string | null = null): Promise<(full: string) => string> {
  const salt = await idNumberSalt(db, secret);
  return (full) => createHmac('sha256', salt).update(full).digest('hex');
}

/**
 * The stored form of one ID number: its hash (null when only the last digits are given) and its
 * last four characters. A malformed number is a validation_failed error naming `field`.
 */
export async function idNumberHash(db: Db, idNumber: string, options: { secret?: string | null; field?: string } = {}) {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new AppError('validation_failed', `${options.field ?? 'idNumber'}: ${parsed.message}`, { field: options.field ?? 'idNumber' });
  const hash = parsed.value.full ? (await idNumberHasher(db, options.secret ?? null))(parsed.value.full) : null;
  return { hash, last4: parsed.value.last4 };
}
