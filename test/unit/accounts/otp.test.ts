import { describe, expect, it } from 'vitest';
import {
  OTP_MAX_ATTEMPTS, UNSENT_CODE, codeMatches, codeState, generateCode, hashCode, otpMessage, sendRetryAfterSeconds,
} from '../../../src/server/modules/accounts/domain/otp.ts';
import { loginDelaySeconds } from '../../../src/server/modules/accounts/commands/login-staff.ts';

const now = new Date('2025-06-01T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('one-time codes', () => {
  it('are six digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(generateCode()).toMatch(/^\d{6}$/);
  });

  it('match only the same code for the same phone and row', () => {
    const stored = hashCode('row-1', '13800000001', '012345');
    expect(stored).not.toContain('012345');
    expect(codeMatches(stored, 'row-1', '13800000001', '012345')).toBe(true);
    expect(codeMatches(stored, 'row-1', '13800000001', '012346')).toBe(false);
    expect(codeMatches(stored, 'row-1', '13800000002', '012345')).toBe(false);
    expect(codeMatches(stored, 'row-2', '13800000001', '012345')).toBe(false);
    expect(hashCode('row-2', '13800000001', '012345')).not.toBe(stored);
  });

  it('never match the marker of a request for an unregistered phone', () => {
    for (const code of ['000000', '123456']) expect(codeMatches(UNSENT_CODE, 'row', '13700000000', code)).toBe(false);
  });

  it('put the code in the message', () => {
    expect(otpMessage('004200')).toContain('004200');
  });

  it('count only the newest code, while unused, unexpired and under the attempt limit', () => {
    const live = { expiresAt: new Date(now.getTime() + 1000), consumedAt: null, attempts: 0 };
    expect(codeState(undefined, now)).toBe('none');
    expect(codeState(live, now)).toBe('live');
    expect(codeState({ ...live, attempts: OTP_MAX_ATTEMPTS - 1 }, now)).toBe('live');
    expect(codeState({ ...live, attempts: OTP_MAX_ATTEMPTS }, now)).toBe('exhausted');
    expect(codeState({ ...live, expiresAt: now }, now)).toBe('expired');
    expect(codeState({ ...live, consumedAt: now }, now)).toBe('used');
  });
});

describe('code rate limit', () => {
  it('allows five codes in a rolling hour', () => {
    expect(sendRetryAfterSeconds([], now)).toBe(0);
    expect(sendRetryAfterSeconds([1, 2, 3, 4].map(minutesAgo), now)).toBe(0);
    expect(sendRetryAfterSeconds([10, 20, 30, 40, 50].map(minutesAgo), now)).toBe(10 * 60);
    // codes older than an hour do not count
    expect(sendRetryAfterSeconds([61, 1, 2, 3, 4].map(minutesAgo), now)).toBe(0);
    // with more than five in the window (limit lowered, or a race), wait until enough have aged
    expect(sendRetryAfterSeconds([55, 50, 5, 4, 3, 2].map(minutesAgo), now)).toBe(10 * 60);
  });
});

describe('staff login delay', () => {
  it('is free for three failures, then doubles up to fifteen minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(loginDelaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(loginDelaySeconds(13)).toBe(900);
    expect(loginDelaySeconds(40)).toBe(900);
  });
});
