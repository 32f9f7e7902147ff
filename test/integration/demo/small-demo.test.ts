import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, loginStaff, sessionCookieOf, type TestApp } from '../../support/app.ts';
import { DEMO_OWNER_PHONES, demoAccounts, loadDemo, loadDemoOnFirstStart } from '../../../src/server/demo/index.ts';
import { otpSenderFactories } from '../../../src/server/modules/accounts/index.ts';
import { verifyAuditChains } from '../../../src/server/modules/audit/index.ts';
import { outbox } from '../../../src/server/modules/accounts/accounts.tables.ts';
import { communityFigures } from '../../../src/server/modules/registry/index.ts';
import { count } from './support.ts';

// On PostgreSQL the built-in sender keeps codes out of the database, so the test reads them
// from the sender itself (as the accounts tests do); on PGlite from the dev mailbox table.
const sent: { phone: string; message: string }[] = [];
const realLog = otpSenderFactories.log;
vi.spyOn(otpSenderFactories, 'log').mockImplementation((deps) => {
  const sender = realLog(deps);
  return { name: sender.name, send: async (phone, message) => { sent.push({ phone, message }); await sender.send(phone, message); } };
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const status = async () => (await t.app.inject('/api/demo/status')).json();

describe('the small demo district', () => {
  it('loads on first start and reports its progress at /api/demo/status without a login', async () => {
    expect(await status()).toMatchObject({ state: 'idle' });
    const outcome = await loadDemoOnFirstStart(t.database, 'small', t.app.log);
    expect(outcome.loaded).toBe(true);
    expect(await status()).toMatchObject({ state: 'done', done: 3, total: 3 });
  });

  it('has the shape of the small profile, as the registry derives it', async () => {
    expect(await count(t.database, 'select count(*) from districts')).toBe(1);
    expect(await count(t.database, 'select count(*) from streets')).toBe(1);
    const ids = (await t.database.query<{ id: string }>('select id from communities order by code')).map((c) => c.id);
    expect(ids).toHaveLength(3);
    const figures = [...(await communityFigures(t.app.db, ids)).values()];
    const sum = (k: keyof (typeof figures)[number]) => figures.reduce((s, f) => s + f[k], 0);
    expect(sum('grids')).toBe(8);
    expect(sum('gridWorkers')).toBe(8);
    expect(sum('partyOrganisations')).toBe(15);
    expect(sum('partyMembers')).toBeGreaterThanOrEqual(66);
    expect(sum('partyMembers')).toBeLessThanOrEqual(80);
    for (const f of figures) {
      expect(f.households).toBeGreaterThan(300);
      expect(f.households).toBeLessThanOrEqual(650);
      expect(f.compounds).toBeGreaterThanOrEqual(2);
      expect(f.ownersCommittees).toBeGreaterThanOrEqual(1);
    }
    // compounds of about 100–300 units
    const perCompound = await t.database.query<{ n: number }>("select count(*)::int as n from units where use = 'residential' group by compound_id");
    for (const { n } of perCompound) {
      expect(n).toBeGreaterThanOrEqual(100);
      expect(n).toBeLessThanOrEqual(300);
    }
    // recorded figures where the registry cannot derive them
    expect(await count(t.database, 'select count(*) from communities where area_m2 is null or population_recorded is null or social_workers_recorded is null')).toBe(0);
  });

  it('has co-owners with one voter, multi-unit owners, tenants, developer units and unique phones', async () => {
    const owned = await count(t.database, "select count(*) from units where holder_status = 'owned' and use = 'residential'");
    const coOwned = await count(t.database, 'select count(*) from (select unit_id from ownerships where until is null group by unit_id having count(*) > 1) x');
    expect(coOwned / owned).toBeGreaterThan(0.08);
    expect(coOwned / owned).toBeLessThan(0.25);
    expect(await count(t.database, 'select count(*) from (select unit_id from ownerships where until is null group by unit_id having count(*) filter (where is_voter) <> 1) x')).toBe(0);
    expect(await count(t.database, 'select count(*) from (select person_id from ownerships where until is null group by person_id having count(*) > 1) x')).toBeGreaterThan(10);
    expect(await count(t.database, `select count(*) from residents r where relation = 'tenant'
      and not exists (select 1 from ownerships o where o.person_id = r.person_id and o.until is null)`)).toBeGreaterThan(20);
    expect(await count(t.database, `select count(*) from units u join ownerships o on o.unit_id = u.id join people p on p.id = o.person_id
      where u.holder_status <> 'owned' and not p.is_developer`)).toBe(0);
    expect(await count(t.database, "select count(*) from units where holder_status <> 'owned'")).toBeGreaterThan(0);
    expect(await count(t.database, 'select count(*) from (select phone from people where phone is not null group by phone having count(*) > 1) x')).toBe(0);
    expect(await count(t.database, 'select count(*) from units where coalesce(area_registered_centi, area_surveyed_centi, area_contract_centi) is null')).toBe(0);
  });

  it('gives every grid one worker and a Party branch of at least three members', async () => {
    expect(await count(t.database, 'select count(*) from grids where worker_person_id is null')).toBe(0);
    const branches = await t.database.query<{ members: number }>(`select count(m.id)::int as members from organisations o
      left join memberships m on m.organisation_id = o.id where o.kind = 'grid_branch' group by o.id`);
    expect(branches).toHaveLength(8);
    for (const b of branches) expect(b.members).toBeGreaterThanOrEqual(3);
    // every Party member belongs to a branch
    expect(await count(t.database, `select count(*) from people p where party_member and not exists (
      select 1 from memberships m join organisations o on o.id = m.organisation_id where m.person_id = p.id and o.kind = 'grid_branch')`)).toBe(0);
  });

  it('lets every staff account log in with demo1234 and holds its role', async () => {
    const staff = demoAccounts('small').filter((a) => a.role !== 'owner');
    expect(staff.map((a) => a.login)).toEqual(['admin', 'street1', 'community1', 'community2', 'grid1', 'committee1', 'property1']);
    for (const a of staff) {
      const cookie = await loginStaff(t.app, a.login, 'demo1234');
      const me = (await t.app.inject({ url: '/api/me', headers: { cookie } })).json();
      expect(me.grants.map((g: { role: string }) => g.role)).toEqual([a.role]);
    }
    const admin = await loginStaff(t.app, 'admin', 'demo1234');
    expect((await t.app.inject({ url: '/api/communities', headers: { cookie: admin } })).json().total).toBe(3);
    const community1 = await loginStaff(t.app, 'community1', 'demo1234');
    expect((await t.app.inject({ url: '/api/communities', headers: { cookie: community1 } })).json().total).toBe(1);
  });

  it('lets both demo owners log in with a one-time code and see their own units', async () => {
    const owners = demoAccounts('small').filter((a) => a.role === 'owner');
    expect(owners.map((a) => a.login)).toEqual([DEMO_OWNER_PHONES.coOwner, DEMO_OWNER_PHONES.multiUnit]);
    const unitCounts: number[] = [];
    for (const { login: phone } of owners) {
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/otp', payload: { phone } })).statusCode).toBe(202);
      let message = sent.filter((m) => m.phone === phone).at(-1)?.message;
      if (t.database.kind === 'embedded') {
        [{ body: message }] = await t.app.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.recipient, phone)).orderBy(desc(outbox.createdAt)).limit(1);
      }
      const code = message?.match(/\d{6}/)?.[0];
      expect(code, `a code sent to ${phone}`).toBeDefined();
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/owner-login', payload: { phone, code } });
      expect(login.statusCode).toBe(200);
      const units = (await t.app.inject({ url: '/api/my/units', headers: { cookie: sessionCookieOf(login) } })).json().items;
      unitCounts.push(units.length);
      if (phone === DEMO_OWNER_PHONES.coOwner) {
        expect(units[0].coOwners).toHaveLength(2);
        expect(units[0].coOwners.find((o: { isMe: boolean }) => o.isMe).isVoter).toBe(true);
      }
    }
    expect(unitCounts[0]).toBe(1);
    expect(unitCounts[1]).toBeGreaterThanOrEqual(2);
  });

  it('refuses to load a second time and leaves the rows alone', async () => {
    const units = await count(t.database, 'select count(*) from units');
    await expect(loadDemo(t.database, { size: 'small', seed: 1, actorLabel: 'test' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(loadDemo(t.database, { size: 'full', seed: 1, actorLabel: 'test' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await loadDemoOnFirstStart(t.database, 'small', t.app.log)).loaded).toBe(false);
    expect(await status()).toMatchObject({ state: 'done', done: 3, total: 3 });
    expect(await count(t.database, 'select count(*) from units')).toBe(units);
    expect(await count(t.database, 'select count(*) from communities')).toBe(3);
  });

  it('records one registry.demo_loaded event per community, in intact chains', async () => {
    const events = await t.database.query<{ community_id: string; n: number }>(
      "select community_id, count(*)::int as n from audit_events where kind = 'registry.demo_loaded' group by community_id",
    );
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.n === 1)).toBe(true);
    expect((await verifyAuditChains(t.app.db)).broken).toEqual([]);
  });
});
