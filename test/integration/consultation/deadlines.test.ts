import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, consultationWorld, DAY, expectStatus, holdJointMeeting, raise, type World } from './world.ts';

// Time in the procedure: the consult period an urgent matter may shorten (with a reason, never
// skipping deliberation), and escalation to the street office when the joint meeting reaches no
// consensus or a deadline passes.

let w: World;
beforeAll(async () => {
  w = await consultationWorld();
});
afterAll(() => w.t.close());

async function consulting(over: Record<string, unknown> = {}, accept: Record<string, unknown> = {}) {
  const m = await raise(w, w.as('staff'), over);
  return expectStatus(await advance(w.as('staff'), m, 'consult', { direction: '尽快处理', ...accept }), 200);
}

describe('urgent matters', () => {
  it('a routine matter may not shorten the consult period', async () => {
    const m = await raise(w, w.as('staff'));
    const res = expectStatus(await advance(w.as('staff'), m, 'consult', { direction: 'x', consultDays: 2, shortenReason: 'hurry' }), 409);
    expect(res.error.details).toMatchObject({ reason: 'shortening_not_allowed', field: 'consultDays' });
  });

  it('an urgent matter needs the reason recorded', async () => {
    const m = await raise(w, w.as('staff'), { urgency: 'urgent' });
    const res = expectStatus(await advance(w.as('staff'), m, 'consult', { direction: 'x', consultDays: 2 }), 400);
    expect(res.error.message).toBe('shortenReason: required to shorten the consult period of an urgent matter');
  });

  it('shortens with the reason recorded, and still goes through deliberation and disclosure', async () => {
    let m = await consulting({ urgency: 'urgent', title: '电梯故障' }, { consultDays: 2, shortenReason: '电梯停运，老人出行困难' });
    expect(m).toMatchObject({ consultDays: 2, consultShortenedReason: '电梯停运，老人出行困难' });
    expect(new Date(m.stepDueAt).getTime() - w.clock.now().getTime()).toBe(2 * DAY);
    for (const skip of ['resolve', 'publish_resolution', 'implement']) {
      expect(expectStatus(await advance(w.as('staff'), m, skip), 409).error.details.reason).toBe('no_such_move');
    }
    w.clock.advanceDays(1);
    expect(expectStatus(await advance(w.as('staff'), m, 'deliberate'), 409).error.details.reason).toBe('consult_period_running');
    w.clock.advanceDays(1);
    m = expectStatus(await advance(w.as('staff'), m, 'deliberate'), 200);
    expect(expectStatus(await advance(w.as('staff'), m, 'resolve'), 409).error.details.reason).toBe('joint_meeting_missing');
    const trail = expectStatus(await w.as('staff').get(`/api/audit/events?objectId=${m.id}&kind=consultation.matter_advanced`), 200);
    expect(trail.items.find((e: { after: { step: string } }) => e.after.step === 'consult').after).toMatchObject({ consultDays: 2, shortenedReason: '电梯停运，老人出行困难' });
  });

  it('anyone may give a longer period', async () => {
    const m = await consulting({}, { consultDays: 14 });
    expect(m.consultDays).toBe(14);
  });
});

describe('escalation to the street office', () => {
  let m: { id: string; step: string };

  it('follows a joint meeting without consensus', async () => {
    m = await consulting();
    w.clock.advanceDays(7);
    m = expectStatus(await advance(w.as('staff'), m, 'deliberate'), 200);
    const early = expectStatus(await advance(w.as('staff'), m, 'escalated', { reason: 'no agreement yet' }), 409);
    expect(early.error.details.reason).toBe('nothing_to_escalate');
    await holdJointMeeting(w, m.id, { conclusion: 'no_consensus' });
    const resolve = expectStatus(await advance(w.as('staff'), m, 'resolve'), 409);
    expect(resolve.error.details.reason).toBe('joint_meeting_no_consensus');
    expect(expectStatus(await advance(w.as('staff'), m, 'escalated'), 400).error.details.reason).toBe('reason_required');
    m = expectStatus(await advance(w.as('staff'), m, 'escalated', { reason: '物业与业委会意见分歧，提请街道协调' }), 200);
    expect(m).toMatchObject({ step: 'escalated', outcomeReason: '物业与业委会意见分歧，提请街道协调' });
    expect((m as unknown as { abilities: { moves: string[] } }).abilities.moves).toEqual([]);
  });

  it('the street office refers it back to deliberation with guidance; community staff cannot', async () => {
    expect(expectStatus(await advance(w.as('staff'), m, 'deliberate', { reason: 'x' }), 403).error.details.reason).toBe('not_a_mover');
    const street = expectStatus(await w.as('street').get(`/api/matters/${m.id}`), 200);
    expect(street.abilities.moves).toEqual(['deliberate', 'declined']);
    w.clock.advance(60_000);
    m = expectStatus(await advance(w.as('street'), m, 'deliberate', { reason: '街道召集三方再议，建议分期实施' }), 200);
    expect(m.step).toBe('deliberate');
    // the meeting before the escalation no longer counts: the parties deliberate again
    expect(expectStatus(await advance(w.as('staff'), m, 'escalated', { reason: 'again' }), 409).error.details.reason).toBe('nothing_to_escalate');
    expect(expectStatus(await advance(w.as('staff'), m, 'resolve'), 409).error.details.reason).toBe('joint_meeting_missing');
    await holdJointMeeting(w, m.id, { conclusion: 'consensus' });
    m = expectStatus(await advance(w.as('staff'), m, 'resolve'), 200);
    expect(m.step).toBe('resolve');
  });

  it('follows a passed deliberation deadline without any meeting', async () => {
    let other = await consulting();
    w.clock.advanceDays(7);
    other = expectStatus(await advance(w.as('staff'), other, 'deliberate'), 200);
    w.clock.advanceDays(13);
    expect(expectStatus(await advance(w.as('street'), other, 'escalated', { reason: 'late' }), 409).error.details.reason).toBe('nothing_to_escalate');
    w.clock.advanceDays(2);
    other = expectStatus(await advance(w.as('street'), other, 'escalated', { reason: '逾期未召开联席会议' }), 200);
    expect(other.step).toBe('escalated');
    const declined = expectStatus(await advance(w.as('district'), other, 'declined', { reason: '不属于社区事务' }), 200);
    expect(declined).toMatchObject({ step: 'declined', outcomeReason: '不属于社区事务' });
  });

  it('needs locked minutes: a meeting whose minutes are not signed off does not count', async () => {
    let other = await consulting();
    w.clock.advanceDays(7);
    other = expectStatus(await advance(w.as('staff'), other, 'deliberate'), 200);
    await holdJointMeeting(w, other.id, { conclusion: 'consensus', lock: false });
    expect(expectStatus(await advance(w.as('staff'), other, 'resolve'), 409).error.details.reason).toBe('joint_meeting_not_locked');
  });
});

describe('decline and withdraw', () => {
  it('the Party organisation declines with reasons; the raiser withdraws', async () => {
    const a = await raise(w, w.as('staff'));
    const declined = expectStatus(await advance(w.as('staff'), a, 'declined', { reason: '属于业主私人纠纷，建议调解' }), 200);
    expect(declined).toMatchObject({ step: 'declined', outcomeReason: '属于业主私人纠纷，建议调解' });
    const b = await raise(w, w.as('raiserOwner'), { source: 'residents', compoundId: undefined });
    expect(expectStatus(await advance(w.as('owner'), b, 'withdrawn', { reason: 'x' }), 403).error.details.reason).toBe('not_a_mover');
    const withdrawn = expectStatus(await advance(w.as('raiserOwner'), b, 'withdrawn', { reason: '已自行解决' }), 200);
    expect(withdrawn.step).toBe('withdrawn');
  });
});
