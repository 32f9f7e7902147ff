import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { maskPhone, type Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../audit/index.ts';
import { otpCodes } from '../accounts.tables.ts';
import { resolveOwnerScope } from '../accounts.scope.ts';
import { standingOfPhone, type LoginPhoneSource } from '../accounts.login-phones.ts';
import { createSession } from '../accounts.sessions.ts';
import { OTP_MAX_ATTEMPTS, codeMatches, codeState } from '../domain/otp.ts';

const exhausted = () =>
  new AppError('too_many_attempts', `code: ${OTP_MAX_ATTEMPTS} wrong attempts; request a new code`, { field: 'code', reason: 'exhausted' });
const expired = () =>
  new AppError('invalid_code', 'code: expired or already used; request a new code', { field: 'code', reason: 'expired' });

/**
 * Checks a phone's newest one-time code and opens an owner session. Each try uses up one of the
 * code's attempts before it is compared, in its own statement, so a wrong guess is counted even
 * though the request then fails, and concurrent guesses cannot exceed the limit. A phone without
 * units logs in only under a standing one of the sources recognises (a vote's proxy holder); its
 * session then reaches no unit.
 */
export async function loginOwner(db: Db, input: { phone: string; code: string }, sources: readonly LoginPhoneSource[], requestId?: string) {
  const { phone, code } = input;
  const [newest] = await db.select().from(otpCodes).where(eq(otpCodes.phone, phone)).orderBy(desc(otpCodes.createdAt)).limit(1);
  const state = codeState(newest, new Date());
  if (state === 'exhausted') throw exhausted();
  if (state !== 'live') throw expired();

  const [claimed] = await db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(and(eq(otpCodes.id, newest.id), isNull(otpCodes.consumedAt), lt(otpCodes.attempts, OTP_MAX_ATTEMPTS)))
    .returning({ attempts: otpCodes.attempts });
  if (!claimed) throw exhausted();
  if (!codeMatches(newest.codeHash, newest.id, phone, code)) {
    const attemptsLeft = OTP_MAX_ATTEMPTS - claimed.attempts;
    throw new AppError('invalid_code', `code: wrong code; ${attemptsLeft} attempt(s) left`, { field: 'code', reason: 'wrong', attemptsLeft });
  }

  const { scope, personIds } = await resolveOwnerScope(db, phone);
  // without units, the standing decides; it is looked up only then, so an owner's login costs nothing more
  const standing = scope.ownUnits.size ? null : await standingOfPhone(db, phone, sources);
  // the ownership, tenancy or standing ended within the code's five minutes
  if (!scope.ownUnits.size && !standing) throw new AppError('forbidden', 'This phone no longer owns or lives in a unit, nor holds a standing that lets it log in');
  const owner: Actor = { kind: 'owner', phone, personIds, scope };
  // one event, in one community's chain: the first by id, so the choice is stable
  const communityId = standing ? standing.communityIds[0] : [...new Set(scope.ownUnits.values())].sort()[0];

  return transaction(db, async (tx) => {
    const [used] = await tx.update(otpCodes).set({ consumedAt: new Date() }).where(and(eq(otpCodes.id, newest.id), isNull(otpCodes.consumedAt))).returning({ id: otpCodes.id });
    if (!used) throw expired();
    const session = await createSession(tx, { ownerPhone: phone });
    await appendAudit(tx, {
      kind: 'accounts.owner_login_succeeded',
      communityId,
      ...auditOrigin({ db: tx, actor: owner, requestId }),
      objectType: 'owner',
      objectId: maskPhone(phone) ?? '',
      after: { personIds, unitCount: scope.ownUnits.size, ...(standing ? { via: standing.via } : {}) },
    });
    return session;
  });
}
