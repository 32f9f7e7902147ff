import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { otpSenderFactories } from '../../../src/server/modules/accounts/index.ts';
import { sessionCookieOf } from '../../support/app.ts';
import { auditEvents, client, draft, expectStatus, idem, openedVote, staffClient, upload, votingWorld, type Client, type VotingWorld } from './world.ts';

// A proxy holder who owns and rents nothing logs in by one-time code (the voting module's login
// standing, passed to the accounts routes by buildApp), casts the represented owner's ballot, and
// reaches nothing else. Codes are read from the configured sender, on both databases.

const sent: { phone: string; message: string }[] = [];
const realLog = otpSenderFactories.log;
vi.spyOn(otpSenderFactories, 'log').mockImplementation((deps) => {
  const sender = realLog(deps);
  return { name: sender.name, send: async (phone, message) => { sent.push({ phone, message }); await sender.send(phone, message); } };
});

/** Phones the registry does not know: the 136 prefix is never made by the factories. */
const PROXY_PHONE = '13655550001';
const LATER_PROXY_PHONE = '13655550002';
const STRANGER_PHONE = '13655550009';

let w: VotingWorld;
let committee: Client;
let vote: { id: string; questions: { id: string }[] };
beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
  vote = await openedVote(w, committee);
});
afterAll(() => w.t.close());

const anonymous = () => client(w.app, null);
const requestCode = (phone: string) => anonymous().post('/api/auth/otp', { phone });
const login = (phone: string, code: string) => anonymous().post('/api/auth/owner-login', { phone, code });
const codesSentTo = (phone: string) => sent.filter((m) => m.phone === phone).map((m) => m.message.match(/\d{6}/)![0]);

async function registerProxy(voteId: string, unitId: string, proxyPhone: string) {
  const documentId = expectStatus(await upload(w, committee, voteId, 'proxy_authorisation'), 201).id as string;
  return expectStatus(await committee.post(`/api/votes/${voteId}/proxies`, { unitId, proxyName: 'Neighbour Sun', proxyPhone, documentId }), 201);
}

describe('a proxy holder without units', () => {
  it('gets a code only once registered, logs in, and casts the represented owner ballot', async () => {
    expect((await requestCode(PROXY_PHONE)).statusCode).toBe(202);
    expect(codesSentTo(PROXY_PHONE)).toEqual([]);
    expect((await login(PROXY_PHONE, '000000')).statusCode).toBe(401);

    const principal = w.soleOwners[5];
    const proxy = await registerProxy(vote.id, w.units[9].id, PROXY_PHONE);
    expect(proxy.principalPersonId).toBe(principal.id);

    expect((await requestCode(PROXY_PHONE)).json()).toEqual({ sent: true, expiresInSeconds: 300 });
    const [code] = codesSentTo(PROXY_PHONE);
    expect(code).toMatch(/^\d{6}$/);
    const res = await login(PROXY_PHONE, code);
    expect(res.statusCode).toBe(200);
    const holder = client(w.app, sessionCookieOf(res));

    // the login is audited in the vote's community, naming the standing it came through
    const [event] = (await auditEvents(w)).filter((e) => e.kind === 'accounts.owner_login_succeeded');
    expect(event.after).toMatchObject({ personIds: [], unitCount: 0, via: 'voting.proxy' });
    expect(expectStatus(await holder.get('/api/me'), 200)).toMatchObject({ kind: 'owner', unitCount: 0 });

    const q1 = vote.questions[0].id;
    const ballot = expectStatus(await holder.post(`/api/votes/${vote.id}/questions/${q1}/ballots`, { choice: 'for' }, idem()), 201);
    expect(ballot).toMatchObject({ channel: 'proxy', subjectKey: principal.id });
    const mine = expectStatus(await holder.get(`/api/votes/${vote.id}/my-ballots`), 200);
    expect(mine.capacities).toEqual([expect.objectContaining({ capacity: 'proxy', subjectKey: principal.id })]);
    expect(expectStatus(await holder.get('/api/votes'), 200).items.map((v: { id: string }) => v.id)).toEqual([vote.id]);
  });

  it('reaches nothing else: no units, notices, matters, registry pages or other votes', async () => {
    // a session of its own: the first code is used up, so ask for another
    expectStatus(await requestCode(PROXY_PHONE), 202);
    const codes = codesSentTo(PROXY_PHONE);
    expect(codes).toHaveLength(2);
    const holder = client(w.app, sessionCookieOf(await login(PROXY_PHONE, codes[1])));

    expect(expectStatus(await holder.get('/api/my/units'), 200)).toMatchObject({ items: [] });
    expect(expectStatus(await holder.get('/api/my/notices'), 200)).toMatchObject({ items: [], total: 0 });
    expect(expectStatus(await holder.get('/api/my/matters'), 200)).toMatchObject({ items: [], total: 0 });
    expect((await holder.get(`/api/compounds/${w.compound.id}`)).statusCode).toBe(404);
    expect((await holder.get(`/api/units/${w.units[9].id}`)).statusCode).toBe(404);
    expect((await holder.get(`/api/communities/${w.communityId}`)).statusCode).toBe(404);

    // another vote of the same compound, announced: owners there see it, the proxy holder does not
    const other = expectStatus(await committee.post('/api/votes', draft(w, { title: 'Repaint the gates' })), 201);
    expectStatus(await committee.post(`/api/votes/${other.id}/announce`), 200);
    expect((await holder.get(`/api/votes/${other.id}`)).statusCode).toBe(404);
    expect(expectStatus(await holder.get('/api/votes'), 200).items.map((v: { id: string }) => v.id)).toEqual([vote.id]);
    expectStatus(await committee.post(`/api/votes/${other.id}/cancel`, { reason: 'test over' }), 200);
  });

  it('loses the standing when the vote ends: no code, and a code already sent no longer logs in', async () => {
    const other = expectStatus(await committee.post('/api/votes', draft(w, { title: 'Fix the lifts' })), 201);
    expectStatus(await committee.post(`/api/votes/${other.id}/announce`), 200);
    await registerProxy(other.id, w.units[11].id, LATER_PROXY_PHONE);
    expectStatus(await requestCode(LATER_PROXY_PHONE), 202);
    const [code] = codesSentTo(LATER_PROXY_PHONE);
    expect(code).toMatch(/^\d{6}$/);

    expectStatus(await committee.post(`/api/votes/${other.id}/cancel`, { reason: 'withdrawn' }), 200);
    const refused = await login(LATER_PROXY_PHONE, code);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/nor holds a standing that lets it log in/);
    expectStatus(await requestCode(LATER_PROXY_PHONE), 202);
    expect(codesSentTo(LATER_PROXY_PHONE)).toHaveLength(1);
  });

  it('still sends nothing to an unknown phone', async () => {
    expect((await requestCode(STRANGER_PHONE)).json()).toEqual({ sent: true, expiresInSeconds: 300 });
    expect(codesSentTo(STRANGER_PHONE)).toEqual([]);
    expect((await login(STRANGER_PHONE, '123456')).json().error).toMatchObject({ code: 'invalid_code', details: { reason: 'wrong' } });
  });
});
