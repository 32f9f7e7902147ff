import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterPaper, expectStatus, idem, openedVote, ownerClient, staffClient, staffedVote, withAudit, type Client, type StaffedVote, type VotingWorld } from './world.ts';

let s: StaffedVote;
let w: VotingWorld;
let committee: Client;
let staff: Client;
let staff2: Client;
let vote: StaffedVote['vote'];
let q: string;
beforeAll(async () => {
  s = await staffedVote();
  ({ w, committee, staff, staff2, vote, q } = s);
});
afterAll(() => w.t.close());

const enter = (who: Client, unitIndex: number, choice: string, scanRef = `box 1 / sheet ${unitIndex}`) => enterPaper(s, who, unitIndex, choice, scanRef);

describe('paper ballots by double entry', () => {
  it('accepts a sheet when a second staff member enters the same; one audit event per entry; never shows a choice', async () => {
    const first = await withAudit(w, () => enter(committee, 5, 'for'));
    const sheet = expectStatus(first.result, 201);
    expect(sheet).toMatchObject({ status: 'awaiting_second', secondBy: null, differences: [], receipts: [], abilities: { enterSecond: false, resolve: false } });
    expect(first.events.map((e) => e.kind)).toEqual(['voting.paper_entry_recorded']);
    expect(first.result.body).not.toMatch(/"for"/);
    expect(expectStatus(await staff.get(`/api/votes/${vote.id}/paper-ballots`), 200).items[0].abilities.enterSecond).toBe(true);

    const same = await enter(committee, 5, 'for');
    expect(same.statusCode).toBe(409);
    expect(same.json().error.details.reason).toBe('paper_same_staff');

    const second = await withAudit(w, () => enter(staff, 5, 'for'));
    const accepted = expectStatus(second.result, 200);
    expect(accepted).toMatchObject({ status: 'accepted', differences: [], receipts: [{ questionId: q }] });
    expect(second.events.map((e) => e.kind)).toEqual(['voting.paper_entry_recorded']);
    expect(second.result.body).not.toMatch(/"for"/);
    expect((await enter(staff2, 5, 'for')).json().error.details.reason).toBe('paper_already_accepted');
  });

  it('flags a mismatch, which a third person resolves by reading the sheet; counting waits for it', async () => {
    expectStatus(await enter(committee, 6, 'for'), 201);
    const mismatch = expectStatus(await enter(staff, 6, 'against'), 200);
    expect(mismatch).toMatchObject({ status: 'mismatch', differences: [`answers.${q}`], receipts: [], abilities: { resolve: false } });
    expect(JSON.stringify(mismatch)).not.toMatch(/"(for|against)"/);
    expect((await enter(staff2, 6, 'for')).json().error.details.reason).toBe('paper_mismatch_open');

    // a pending first entry as well
    expectStatus(await enter(committee, 7, 'abstain'), 201);

    w.clock.set(vote.closesAt);
    expectStatus(await committee.post(`/api/votes/${vote.id}/close`), 200);
    const blocked = await committee.post(`/api/votes/${vote.id}/count`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.details).toMatchObject({ reason: 'paper_mismatch_open', paperBallots: [{ id: mismatch.id, status: 'mismatch' }] });

    const resolve = (who: Client, choice: string, scanRef = 'box 1 / sheet 6') =>
      who.post(`/api/votes/${vote.id}/paper-ballots/${mismatch.id}/resolve`, { answers: [{ questionId: q, choice }], scanRef });
    expect((await resolve(staff, 'against')).json().error.details.reason).toBe('paper_resolver_entered');
    const neither = await resolve(staff2, 'abstain');
    expect(neither.json().error).toMatchObject({ details: { reason: 'paper_matches_neither', differsFromFirst: [`answers.${q}`], differsFromSecond: [`answers.${q}`] } });
    expect((await resolve(staff2, 'against', 'box 9')).json().error.details.reason).toBe('paper_matches_neither');
    const resolved = await withAudit(w, () => resolve(staff2, 'against'));
    expect(expectStatus(resolved.result, 200)).toMatchObject({ status: 'accepted', resolution: 'second', resolvedBy: `user:${w.staff.communityStaff2.username}`, receipts: [{ questionId: q }] });
    expect(resolved.events.map((e) => [e.kind, e.after?.resolution])).toEqual([['voting.paper_mismatch_resolved', 'second']]);

    const pending = await committee.post(`/api/votes/${vote.id}/count`);
    expect(pending.json().error.details.reason).toBe('paper_entry_pending');
    // the box closed with the vote; entry of the sheets in it goes on until the count
    expectStatus(await enter(staff, 7, 'abstain'), 200);
    const counted = expectStatus(await committee.post(`/api/votes/${vote.id}/count`), 200);
    expect(counted.state).toBe('counted');
    expect((await enter(staff, 8, 'for')).statusCode).toBe(409);
  });
});

describe('paper ballots beside other channels', () => {
  let other: typeof vote;
  beforeAll(async () => {
    other = await openedVote(w, committee);
  });
  const enterIn = (who: Client, unitIndex: number, choice: string) =>
    who.post(`/api/votes/${other.id}/paper-ballots`, { unitId: w.units[unitIndex].id, answers: [{ questionId: other.questions[0].id, choice }], scanRef: `sheet ${unitIndex}` });

  it('keeps an online ballot cast first and reports the sheet\'s answer as skipped', async () => {
    const owner = await ownerClient(w, w.soleOwners[6]); // unit 11
    expectStatus(await owner.post(`/api/votes/${other.id}/questions/${other.questions[0].id}/ballots`, { choice: 'for' }, idem()), 201);
    expectStatus(await enterIn(committee, 11, 'against'), 201);
    const { result, events } = await withAudit(w, () => enterIn(staff, 11, 'against'));
    expect(expectStatus(result, 200)).toMatchObject({ status: 'accepted', receipts: [] });
    expect(events[0].after).toMatchObject({ skipped: [other.questions[0].id] });
    // and this vote does not allow changes
    const change = await owner.post(`/api/votes/${other.id}/questions/${other.questions[0].id}/ballots/change`, { choice: 'against' }, idem());
    expect(change.json().error.details.reason).toBe('changes_not_allowed');
  });

  it('refuses units outside the count, owners and property staff', async () => {
    const parking = await enterIn(committee, 28, 'for');
    expect(parking.json().error.message).toBe('unitId: is a parking space this compound leaves out of the count');
    const owner = await ownerClient(w, w.soleOwners[7]);
    expect((await enterIn(owner, 12, 'for')).statusCode).toBe(403);
    expect((await enterIn(await staffClient(w, w.staff.property), 12, 'for')).statusCode).toBe(404);
    expect((await staff.post(`/api/votes/${other.id}/paper-ballots`, { unitId: w.units[12].id, answers: [], scanRef: 's' })).json().error.message).toMatch(/^body\.answers/);
  });
});
