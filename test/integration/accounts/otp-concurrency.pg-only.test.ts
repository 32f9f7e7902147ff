import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { buildDistrict, post, type DistrictFixture } from './fixtures.ts';

// Limits that must hold when requests race, which only a multi-connection server shows.
let t: TestApp;
let a: DistrictFixture;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildDistrict(t.app.db, 1);
});
afterAll(() => t.close());

const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

describe('one-time codes under concurrency', () => {
  it('sends no more than five codes per hour when ten requests arrive at once', async () => {
    const res = await Promise.all(Array.from({ length: 10 }, () => post(t.app, '/api/auth/otp', { phone: a.tenantPhone })));
    expect(statuses(res)).toEqual([...Array(5).fill(202), ...Array(5).fill(429)]);
  });

  it('allows no more than five guesses of one code when ten arrive at once', async () => {
    await post(t.app, '/api/auth/otp', { phone: a.ownerPhone });
    // one of these may be the right code by chance (1 in 100 000); then it logs in instead
    const guesses = Array.from({ length: 10 }, (_, i) => String(100000 + i));
    const res = await Promise.all(guesses.map((code) => post(t.app, '/api/auth/owner-login', { phone: a.ownerPhone, code })));
    const counted = res.filter((r) => r.statusCode === 401 || r.statusCode === 200).length;
    expect(counted).toBe(5);
    expect(res.filter((r) => r.statusCode === 429)).toHaveLength(5);
  });
});
