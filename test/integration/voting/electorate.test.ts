import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../../src/server/modules/registry/registry.tables.ts';
import { buildPerson } from '../../support/factories.ts';
import { draft, expectStatus, idem, ownerClient, staffClient, votingWorld, withAudit, type Client, type VotingWorld } from './world.ts';

let w: VotingWorld;
let committee: Client;
let staff: Client;
beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
  staff = await staffClient(w, w.staff.communityStaff);
});
afterAll(() => w.t.close());

const setArea = (unitId: string, registered: number | null) =>
  w.db.update(units).set({ areaRegisteredCenti: registered }).where(and(eq(units.communityId, w.communityId), eq(units.id, unitId)));

describe('the electorate roll during the notice', () => {
  it('shows owners units, areas per source and flags, never names or phones; it follows the registry live', async () => {
    const vote = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    const owner = await ownerClient(w, w.soleOwners[0]);
    expect((await owner.get(`/api/votes/${vote.id}`)).statusCode).toBe(404); // a draft is not the owners' yet
    expectStatus(await committee.post(`/api/votes/${vote.id}/announce`), 200);

    const res = await owner.get(`/api/votes/${vote.id}/roll?pageSize=200`);
    const roll = expectStatus(res, 200);
    expect(roll).toMatchObject({ frozen: false, total: 30, totals: { units: 30, countedUnits: 28, heads: 24 }, problems: [] });
    for (const name of ['Owner', 'Multi', 'Developer', 'Co 1']) expect(res.body).not.toContain(name);
    expect(res.body).not.toContain(w.soleOwners[0].phone!);
    const parking = roll.items.find((u: { number: string }) => u.number === 'P9');
    expect(parking).toMatchObject({ use: 'parking', counted: false, mine: true, votingArea: '12.50', votingAreaSource: 'registered' });
    const coOwned = roll.items.find((u: { unitId: string }) => u.unitId === w.coOwned[0].unit.id);
    expect(coOwned).toMatchObject({ coOwned: true, namedVoter: true, mine: false });
    expect(roll.items.find((u: { unitId: string }) => u.unitId === w.coOwned[2].unit.id)).toMatchObject({ coOwned: true, namedVoter: false });
    expect(roll.items.find((u: { unitId: string }) => u.unitId === w.units[25].id)).toMatchObject({ developer: true, holderStatus: 'developer_unsold' });
    expect(roll.items.find((u: { unitId: string }) => u.unitId === w.units[3].id)).toMatchObject({ areas: { registered: null, surveyed: '91.11', contract: null }, votingAreaSource: 'surveyed' });

    // a registry correction shows at once
    await setArea(w.units[4].id, 9999);
    const after = expectStatus(await owner.get(`/api/votes/${vote.id}/roll?buildingId=${w.units[4].buildingId}`), 200);
    expect(after.total).toBe(10);
    expect(after.items.find((u: { unitId: string }) => u.unitId === w.units[4].id).votingArea).toBe('99.99');

    // owners of another compound do not see the vote at all
    expect((await (await ownerClient(w, w.bare.owner)).get(`/api/votes/${vote.id}/roll`)).statusCode).toBe(404);
  });

  it('takes correction requests from owners and requires an audited answer to each before opening', async () => {
    const vote = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    expectStatus(await committee.post(`/api/votes/${vote.id}/announce`), 200);
    const owner = await ownerClient(w, w.soleOwners[4]);
    const other = await ownerClient(w, w.soleOwners[5]);

    const { result, events } = await withAudit(w, () => owner.post(`/api/votes/${vote.id}/corrections`, { unitId: w.units[7].id, text: 'The registered area is 92.30 m², not 90.57' }));
    const request = expectStatus(result, 201);
    expect(request).toMatchObject({ text: 'The registered area is 92.30 m², not 90.57', mine: true, answer: null, abilities: { answer: false } });
    expect(request.requesterPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(events.map((e) => e.kind)).toEqual(['voting.correction_requested']);
    expect((await owner.post(`/api/votes/${vote.id}/corrections`, { unitId: w.bare.unitId, text: 'x' })).json().error.message).toMatch(/^unitId:/);
    expect((await committee.post(`/api/votes/${vote.id}/corrections`, { unitId: w.units[7].id, text: 'x' })).statusCode).toBe(403);

    expect(expectStatus(await other.get(`/api/votes/${vote.id}/corrections`), 200).items).toEqual([]);
    const listed = expectStatus(await committee.get(`/api/votes/${vote.id}/corrections`), 200).items;
    expect(listed).toEqual([expect.objectContaining({ id: request.id, mine: false, abilities: { answer: true } })]);

    w.clock.set(vote.opensAt);
    const blocked = await committee.post(`/api/votes/${vote.id}/open`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.details).toMatchObject({ reason: 'corrections_unanswered', unanswered: 1 });

    expect((await staff.post(`/api/votes/${vote.id}/corrections/${request.id}/answer`, { answer: 'no', accepted: false })).statusCode).toBe(403);
    const answered = await withAudit(w, () => committee.post(`/api/votes/${vote.id}/corrections/${request.id}/answer`, { answer: 'Corrected from the land registry certificate', accepted: true }));
    expect(expectStatus(answered.result, 200)).toMatchObject({ accepted: true, answer: 'Corrected from the land registry certificate', abilities: { answer: false } });
    expect(answered.events.map((e) => [e.kind, e.object_id])).toEqual([['voting.correction_answered', request.id]]);
    expect((await committee.post(`/api/votes/${vote.id}/corrections/${request.id}/answer`, { answer: 'again', accepted: false })).json().error.details.reason).toBe('already_answered');
    expect(expectStatus(await owner.get(`/api/votes/${vote.id}/corrections`), 200).items[0]).toMatchObject({ accepted: true });

    expectStatus(await committee.post(`/api/votes/${vote.id}/open`), 200);
    // once open, no more requests
    expect((await owner.post(`/api/votes/${vote.id}/corrections`, { unitId: w.units[7].id, text: 'late' })).statusCode).toBe(403);
  });

  it('refuses to open while a unit lacks an area, naming the unit', async () => {
    const vote = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    expectStatus(await committee.post(`/api/votes/${vote.id}/announce`), 200);
    const saved = w.units[8].areaRegisteredCenti;
    await setArea(w.units[8].id, null);
    expect(expectStatus(await committee.get(`/api/votes/${vote.id}/roll`), 200).problems).toEqual([
      { unitId: w.units[8].id, buildingName: 'A', number: '901', message: 'has no registered, surveyed or contract area' },
    ]);
    w.clock.set(vote.opensAt);
    const res = await committee.post(`/api/votes/${vote.id}/open`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ message: 'the roll is incomplete: units.A-901 has no registered, surveyed or contract area', details: { reason: 'electorate_incomplete' } });
    await setArea(w.units[8].id, saved);
    expectStatus(await committee.post(`/api/votes/${vote.id}/open`), 200);
  });
});

describe('the frozen electorate', () => {
  it('is fixed when the vote opens: a later sale changes neither the roll nor who votes', async () => {
    const vote = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    expectStatus(await committee.post(`/api/votes/${vote.id}/announce`), 200);
    w.clock.set(vote.opensAt);
    expectStatus(await committee.post(`/api/votes/${vote.id}/open`), 200);
    const before = expectStatus(await committee.get(`/api/votes/${vote.id}/roll?pageSize=200`), 200);
    expect(before.frozen).toBe(true);

    const seller = w.soleOwners[6];
    const soldUnit = w.units[11];
    const buyer = await buildPerson(w.db, { communityId: w.communityId, name: 'New Buyer' });
    expectStatus(await staff.post(`/api/units/${soldUnit.id}/ownership-change`, { date: '2026-03-01', owners: [{ personId: buyer.id }] }), 200);
    await setArea(w.units[12].id, 123_45);

    expect(expectStatus(await committee.get(`/api/votes/${vote.id}/roll?pageSize=200`), 200)).toEqual(before);
    const q = vote.questions[0].id;
    const buyerVotes = await (await ownerClient(w, buyer)).post(`/api/votes/${vote.id}/questions/${q}/ballots`, { choice: 'for' }, idem());
    // the buyer now owns a unit of the compound and sees the vote, but is not in the frozen electorate
    expect(buyerVotes.statusCode).toBe(403);
    expectStatus(await (await ownerClient(w, seller)).post(`/api/votes/${vote.id}/questions/${q}/ballots`, { choice: 'against' }, idem()), 201);
  });
});
