import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// The rules of one-time login codes, free of I/O so they can be tested alone.

export const OTP_TTL_SECONDS = 5 * 60;
/** verification attempts per code, the right one included */
export const OTP_MAX_ATTEMPTS = 5;
/** codes per phone per rolling hour */
export const OTP_MAX_PER_HOUR = 5;
const HOUR_MS = 3600_000;

/**
 * Stored in place of a hash when the phone belongs to nobody in the registry: the request is
 * counted like any other (so the rate limit does not reveal who is registered) but no code can
 * ever match it.
 */
export const UNSENT_CODE = 'unsent';

/** Six digits, uniformly from the operating system's CSPRNG. */
export const generateCode = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0');

/**
 * Salted with the code row's id so equal codes hash differently. Six digits can be brute-forced
 * from a hash by anyone who reads the table; the five-minute life and single use bound that risk.
 */
export const hashCode = (salt: string, phone: string, code: string): string =>
  createHash('sha256').update(`${salt}:${phone}:${code}`).digest('hex');

export function codeMatches(storedHash: string, salt: string, phone: string, code: string): boolean {
  const given = Buffer.from(hashCode(salt, phone, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === given.length && timingSafeEqual(stored, given);
}

/** The SMS text, Chinese first as the interface is. */
export const otpMessage = (code: string): string =>
  `【四议】您的登录验证码是 ${code}，${OTP_TTL_SECONDS / 60} 分钟内有效，请勿告诉他人。Siyi login code: ${code}`;

/** Seconds until another code may be sent to a phone that got these codes recently; 0 = now. */
export function sendRetryAfterSeconds(sentAt: Date[], now: Date): number {
  const inWindow = sentAt.map((d) => d.getTime()).filter((t) => t > now.getTime() - HOUR_MS).sort((a, b) => a - b);
  if (inWindow.length < OTP_MAX_PER_HOUR) return 0;
  // the request becomes possible when enough of the oldest ones leave the window
  const freeing = inWindow[inWindow.length - OTP_MAX_PER_HOUR];
  return Math.max(1, Math.ceil((freeing + HOUR_MS - now.getTime()) / 1000));
}

export type CodeState = 'none' | 'expired' | 'used' | 'exhausted' | 'live';

/** Only the newest code of a phone counts: a new request supersedes earlier codes. */
export function codeState(newest: { expiresAt: Date; consumedAt: Date | null; attempts: number } | undefined, now: Date): CodeState {
  if (!newest) return 'none';
  if (newest.consumedAt) return 'used';
  if (newest.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (newest.attempts >= OTP_MAX_ATTEMPTS) return 'exhausted';
  return 'live';
}
