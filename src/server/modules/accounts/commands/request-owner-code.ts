import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { transaction } from '../../../platform/command.ts';
import { registryScope } from '../../registry/index.ts';
import { standingOfPhone, type LoginPhoneSource } from '../accounts.login-phones.ts';
import { otpCodes } from '../accounts.tables.ts';
import {
  OTP_TTL_SECONDS, UNSENT_CODE, generateCode, hashCode, otpMessage, sendRetryAfterSeconds,
} from '../domain/otp.ts';
import type { OtpSender } from '../otp/senders.ts';

const DAY_MS = 24 * 3600_000;

/**
 * Sends a one-time login code to a phone that currently owns or lives in a unit, or holds a
 * standing that one of the login sources recognises (a vote's proxy holder). Every phone gets
 * the same answer and the same rate limit, registered or not, so the endpoint cannot be used to
 * learn who lives where. No audit event: a code request changes nothing the trail records; the
 * owner's successful login is audited.
 */
export async function requestOwnerCode(
  db: Db, phone: string, sender: OtpSender, sources: readonly LoginPhoneSource[],
): Promise<{ sent: true; expiresInSeconds: number }> {
  const { units } = await registryScope.unitsOfPhone(db, phone);
  // asked for every phone, owner or not, so that the work done does not tell them apart
  const standing = await standingOfPhone(db, phone, sources);
  const code = units.length > 0 || standing !== null ? generateCode() : null;
  const id = randomUUID();
  const now = new Date();
  await transaction(db, async (tx) => {
    // serialise requests for one phone, so two at once cannot both slip under the hourly limit
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`otp:${phone}`}))`);
    const recent = await tx
      .select({ createdAt: otpCodes.createdAt })
      .from(otpCodes)
      .where(and(eq(otpCodes.phone, phone), gt(otpCodes.createdAt, new Date(now.getTime() - 3600_000))));
    const retryAfterSeconds = sendRetryAfterSeconds(recent.map((r) => r.createdAt), now);
    if (retryAfterSeconds > 0) {
      throw new AppError('too_many_attempts', `phone: too many codes requested; try again in ${retryAfterSeconds} s`, { field: 'phone', retryAfterSeconds });
    }
    // codes older than a day serve neither login nor the rate limit
    await tx.delete(otpCodes).where(lt(otpCodes.createdAt, new Date(now.getTime() - DAY_MS)));
    await tx.insert(otpCodes).values({
      id,
      phone,
      codeHash: code ? hashCode(id, phone, code) : UNSENT_CODE,
      createdAt: now,
      expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
    });
  });
  if (code) await sender.send(phone, otpMessage(code));
  return { sent: true, expiresInSeconds: OTP_TTL_SECONDS };
}
