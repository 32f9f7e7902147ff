import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginStaff, type TestApp } from '../../support/app.ts';
import { PASSWORD, auditCount, buildDistrict, get, makeStaff, post, type DistrictFixture } from './fixtures.ts';

let t: TestApp;
let a: DistrictFixture;
let b: DistrictFixture;
let adminA: string;
let adminB: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  a = await buildDistrict(t.app.db, 1);
  b = await buildDistrict(t.app.db, 2);
  ids.adminA = (await makeStaff(t.app.db, 'admin-a', 'district_admin', a.districtId)).id;
  ids.adminB = (await makeStaff(t.app.db, 'admin-b', 'district_admin', b.districtId)).id;
  ids.streetA = (await makeStaff(t.app.db, 'street-a', 'street_admin', a.streetId)).id;
  ids.gridA = (await makeStaff(t.app.db, 'grid-a', 'grid_worker', a.gridId)).id;
  ids.committeeB = (await makeStaff(t.app.db, 'committee-b', 'owners_committee', b.compoundId)).id;
  ids.propertyA = (await makeStaff(t.app.db, 'property-a', 'property_staff', a.companyId)).id;
  adminA = await loginStaff(t.app, 'admin-a', PASSWORD);
  adminB = await loginStaff(t.app, 'admin-b', PASSWORD);
});
afterAll(() => t.close());

const newUser = (username: string, role: string, scopeId: string) => ({ username, displayName: `名字 ${username}`, password: 'long-enough-1', grants: [{ role, scopeId }] });

describe('GET /api/users', () => {
  it('lists only the users whose every role lies inside the admin\'s district', async () => {
    const res = await get(t.app, '/api/users', adminA);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(['admin-a', 'grid-a', 'property-a', 'street-a']);
    expect(res.json()).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    const grid = res.json().items.find((u: { username: string }) => u.username === 'grid-a');
    expect(grid).toMatchObject({ disabled: false, grants: [{ role: 'grid_worker', scopeId: a.gridId, scopeName: 'Grid 1' }], abilities: { disable: true, enable: false } });
    const self = res.json().items.find((u: { username: string }) => u.username === 'admin-a');
    expect(self.abilities.disable).toBe(false);
  });

  it('searches by username or display name and pages', async () => {
    expect((await get(t.app, '/api/users?q=GRID', adminA)).json().items.map((u: { username: string }) => u.username)).toEqual(['grid-a']);
    expect((await get(t.app, '/api/users?q=committee', adminA)).json().total).toBe(0);
    const page2 = (await get(t.app, '/api/users?page=2&pageSize=3', adminA)).json();
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items.map((u: { username: string }) => u.username)).toEqual(['street-a']);
    expect((await get(t.app, '/api/users?pageSize=500', adminA)).statusCode).toBe(400);
  });

  it('hides a user with any role outside the district, answering 404 like a missing one', async () => {
    expect((await get(t.app, `/api/users/${ids.committeeB}`, adminA)).statusCode).toBe(404);
    expect((await get(t.app, `/api/users/${ids.committeeB}`, adminB)).statusCode).toBe(200);
    expect((await post(t.app, `/api/users/${ids.committeeB}/disable`, undefined, adminA)).statusCode).toBe(404);
    expect((await post(t.app, `/api/users/${ids.adminB}/disable`, undefined, adminA)).statusCode).toBe(404);
  });

  it('is for district admins only', async () => {
    const street = await loginStaff(t.app, 'street-a', PASSWORD);
    expect((await get(t.app, '/api/users', street)).statusCode).toBe(403);
    expect((await post(t.app, '/api/users', newUser('sneaky', 'grid_worker', a.gridId), street)).statusCode).toBe(403);
    expect((await post(t.app, `/api/users/${ids.gridA}/disable`, undefined, street)).statusCode).toBe(403);
    expect((await get(t.app, '/api/users')).statusCode).toBe(401);
    expect((await get(t.app, '/api/me', street)).json().abilities['users.manage']).toBe(false);
  });
});

describe('POST /api/users', () => {
  it('creates a user with roles inside the district and records one event', async () => {
    const before = await auditCount(t.app.db, 'accounts.user_created');
    const res = await post(t.app, '/api/users', newUser('new-clerk', 'community_staff', a.communityId), adminA);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'new-clerk', grants: [{ role: 'community_staff', scopeName: 'Community 1' }], abilities: { disable: true } });
    expect(await auditCount(t.app.db, 'accounts.user_created')).toBe(before + 1);
    expect((await post(t.app, '/api/auth/login', { username: 'new-clerk', password: 'long-enough-1' })).statusCode).toBe(200);
  });

  it('refuses a role over a place in another district, naming the field and recording nothing', async () => {
    const before = await auditCount(t.app.db, 'accounts.user_created');
    for (const scopeId of [b.compoundId, '00000000-0000-4000-8000-000000000000']) {
      const res = await post(t.app, '/api/users', newUser('outsider', 'owners_committee', scopeId), adminA);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'grants[0].scopeId' }] } });
      expect(res.json().error.message).toContain('inside your district');
    }
    // a property company without a contract in district A is outside it
    expect((await post(t.app, '/api/users', newUser('outsider', 'property_staff', b.companyId), adminA)).statusCode).toBe(400);
    expect(await auditCount(t.app.db, 'accounts.user_created')).toBe(before);
  });

  it('refuses a scope of the wrong kind for the role', async () => {
    const res = await post(t.app, '/api/users', newUser('mixed-up', 'grid_worker', a.compoundId), adminA);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^grants\[0\]\.scopeId: grid_worker needs a grid/);
  });

  it('names invalid fields and taken usernames', async () => {
    const bad = await post(t.app, '/api/users', { ...newUser('x', 'grid_worker', a.gridId) }, adminA);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('username');
    const taken = await post(t.app, '/api/users', newUser('grid-a', 'grid_worker', a.gridId), adminA);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'duplicate', details: { field: 'username' } });
    const noRole = await post(t.app, '/api/users', { ...newUser('no-role', 'grid_worker', a.gridId), grants: [] }, adminA);
    expect(noRole.json().error.message).toContain('grants');
  });
});

describe('disable and enable', () => {
  it('disables a user: their sessions end, they cannot log in; enabling lets them back', async () => {
    const victim = await loginStaff(t.app, 'grid-a', PASSWORD);
    expect((await get(t.app, '/api/me', victim)).statusCode).toBe(200);
    const [disabledBefore, enabledBefore] = [await auditCount(t.app.db, 'accounts.user_disabled'), await auditCount(t.app.db, 'accounts.user_enabled')];

    const res = await post(t.app, `/api/users/${ids.gridA}/disable`, undefined, adminA);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true, abilities: { disable: false, enable: true } });
    expect((await get(t.app, '/api/me', victim)).statusCode).toBe(401);
    expect((await post(t.app, '/api/auth/login', { username: 'grid-a', password: PASSWORD })).statusCode).toBe(403);
    expect((await post(t.app, `/api/users/${ids.gridA}/disable`, undefined, adminA)).statusCode).toBe(409);

    const back = await post(t.app, `/api/users/${ids.gridA}/enable`, undefined, adminA);
    expect(back.json()).toMatchObject({ disabled: false });
    expect((await post(t.app, '/api/auth/login', { username: 'grid-a', password: PASSWORD })).statusCode).toBe(200);
    expect(await auditCount(t.app.db, 'accounts.user_disabled')).toBe(disabledBefore + 1);
    expect(await auditCount(t.app.db, 'accounts.user_enabled')).toBe(enabledBefore + 1);
  });

  it('does not let an admin disable their own account', async () => {
    const res = await post(t.app, `/api/users/${ids.adminA}/disable`, undefined, adminA);
    expect(res.statusCode).toBe(409);
    expect((await get(t.app, '/api/me', adminA)).statusCode).toBe(200);
  });
});
