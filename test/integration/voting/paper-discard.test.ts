import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/server/platform/db.ts';
import { enterPaper, expectStatus, ownerClient, staffClient, staffedVote, withAudit, type Client, type StaffedVote, type VotingWorld } from './world.ts';

// Discarding a paper sheet that has placed no ballot: a first entry typed for the wrong unit, or a
// sheet found invalid. It is kept with its reason, no longer blocks the count, and the unit may be
// entered afresh; an accepted sheet is never discarded.

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

const enter = (who: Client, unitIndex: number, choice: string, scanRef = `box 2 / sheet ${unitIndex}`) => enterPaper(s, who, unitIndex, choice, scanRef);
const discard = (who: Client, paperId: string, body: unknown = { reason: 'typed for the wrong unit: the sheet is 6-01' }) =>
  who.post(`/api/votes/${vote.id}/paper-ballots/${paperId}/discard`, body);
const list = async (who: Client, query = '') => expectStatus(await who.get(`/api/votes/${vote.id}/paper-ballots${query}`), 200);

describe('discarding a paper sheet', () => {
  it('keeps the sheet as discarded with who, when and why, audits it once without the answers, and lets the unit be entered afresh', async () => {
    const wrong = expectStatus(await enter(committee, 5, 'against'), 201);
    expect((await list(staff)).items.find((p: { id: string }) => p.id === wrong.id).abilities).toEqual({ enterSecond: true, resolve: false, discard: true });

    const { result, events } = await withAudit(w, () => discard(committee, wrong.id));
    const discarded = expectStatus(result, 200);
    expect(discarded).toMatchObject({
      id: wrong.id, unitId: w.units[5].id, status: 'discarded', discardedBy: `user:${w.staff.committee.username}`,
      discardedAt: w.clock.now().toISOString(), discardReason: 'typed for the wrong unit: the sheet is 6-01',
      abilities: { enterSecond: false, resolve: false, discard: false },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'voting.paper_ballot_discarded',
      object_id: wrong.id,
      after: { voteId: vote.id, unitId: w.units[5].id, status: 'discarded', reason: 'typed for the wrong unit: the sheet is 6-01' },
    });
    expect(JSON.stringify(events[0])).not.toMatch(/against|answers|choice|box 2/);
    const [row] = rowsOf<{ before: unknown }>(await w.db.execute(sql`select before from audit_events where object_id = ${wrong.id} and kind = 'voting.paper_ballot_discarded'`));
    expect(row.before).toEqual({ status: 'awaiting_second' });

    // listed with its reason, also under its own status
    const shown = await list(staff, '?status=discarded');
    expect(shown.items).toEqual([expect.objectContaining({ id: wrong.id, status: 'discarded', discardReason: 'typed for the wrong unit: the sheet is 6-01' })]);

    // the second entry of the real sheet no longer meets the discarded one: it is a first entry
    const fresh = expectStatus(await enter(staff, 5, 'for'), 201);
    expect(fresh).toMatchObject({ status: 'awaiting_second', firstBy: `user:${w.staff.communityStaff.username}` });
    expect(fresh.id).not.toBe(wrong.id);
    expect(expectStatus(await enter(committee, 5, 'for'), 200)).toMatchObject({ id: fresh.id, status: 'accepted', receipts: [{ questionId: q }] });
    expect((await list(staff)).items.filter((p: { unitId: string }) => p.unitId === w.units[5].id).map((p: { status: string }) => p.status).sort())
      .toEqual(['accepted', 'discarded']);
    // the convener's progress shows the discarded sheet beside the others
    expect(expectStatus(await committee.get(`/api/votes/${vote.id}/progress`), 200).paper).toEqual({ awaitingSecond: 0, mismatches: 0, accepted: 1, discarded: 1 });

    const twice = await discard(staff, wrong.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toMatchObject({ reason: 'paper_already_discarded' });
  });

  it('refuses to discard an accepted sheet, whose ballots are placed', async () => {
    const [accepted] = (await list(staff, '?status=accepted')).items;
    const { result, events } = await withAudit(w, () => discard(staff2, accepted.id));
    expect(result.statusCode).toBe(409);
    expect(result.json().error).toMatchObject({ code: 'conflict', details: { reason: 'paper_already_accepted', paperBallotId: accepted.id } });
    expect(result.json().error.message).toContain('cannot be discarded');
    expect(events).toEqual([]);
  });

  it('requires a reason of 2 to 500 characters and a sheet of this vote', async () => {
    const sheet = expectStatus(await enter(committee, 7, 'for'), 201);
    for (const body of [{}, { reason: ' x ' }, { reason: 'x'.repeat(501) }]) {
      const res = await discard(committee, sheet.id, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/^body\.reason: /);
    }
    expect((await discard(committee, sheet.id, { reason: 'ok', extra: 1 })).statusCode).toBe(400);
    expect((await discard(committee, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await list(staff, '?status=awaiting_second')).items.map((p: { id: string }) => p.id)).toContain(sheet.id);
  });

  it('is for ballot staff only', async () => {
    const [sheet] = (await list(staff, '?status=awaiting_second')).items;
    const owner = await ownerClient(w, w.soleOwners[2]);
    expect((await discard(owner, sheet.id)).statusCode).toBe(403);
    const street = await staffClient(w, w.staff.street);
    const byStreet = await discard(street, sheet.id);
    expect(byStreet.statusCode).toBe(403);
    expect(byStreet.json().error.message).toBe('You may not discard paper ballots in this vote');
    expect((await discard(await staffClient(w, w.staff.property), sheet.id)).statusCode).toBe(404);
    expect((await list(staff, '?status=awaiting_second')).items.map((p: { id: string }) => p.id)).toContain(sheet.id);
  });

  it('unblocks the count: sheets in mismatch or awaiting their second entry are discarded after the close, and nothing they held is counted', async () => {
    expectStatus(await enter(committee, 6, 'for'), 201);
    const mismatch = expectStatus(await enter(staff, 6, 'against'), 200);
    expect(mismatch.abilities).toMatchObject({ resolve: false, discard: true });
    const [pending] = (await list(staff, '?status=awaiting_second')).items;

    w.clock.set(vote.closesAt);
    expectStatus(await committee.post(`/api/votes/${vote.id}/close`), 200);
    expect((await committee.post(`/api/votes/${vote.id}/count`)).json().error.details.reason).toBe('paper_mismatch_open');

    // the box closed with the vote; discarding goes on until the count, like entry
    expectStatus(await discard(staff2, mismatch.id, { reason: 'the sheet is unsigned, so invalid' }), 200);
    expect((await committee.post(`/api/votes/${vote.id}/count`)).json().error.details.reason).toBe('paper_entry_pending');
    expectStatus(await discard(staff2, pending.id, { reason: 'a duplicate sheet of the same owner' }), 200);

    expect(expectStatus(await committee.post(`/api/votes/${vote.id}/count`), 200).state).toBe('counted');
    const results = expectStatus(await committee.get(`/api/votes/${vote.id}/results`), 200);
    // only the accepted sheet of unit 5 took part
    expect(results.questions[0].result.participation.heads).toMatchObject({ value: 1 });

    const late = await discard(committee, mismatch.id);
    expect(late.json().error.details).toMatchObject({ reason: 'wrong_state', state: 'counted' });
    expect((await list(staff, '?status=discarded')).items.map((p: { abilities: { discard: boolean } }) => p.abilities.discard)).toEqual([false, false, false]);
  });
});
