import { describe, expect, it } from 'vitest';
import { matterSteps, type MatterStep } from '../../../src/contracts/consultation.ts';
import { checkMove, consultPeriod, type MoveFacts, type MoveMatter, type MoveRequest } from '../../../src/server/modules/consultation/domain/moves.ts';
import { LATE_WHEN_PAST, MOVES, STEPS, findMove, movesFrom, stepAllows, type Mover } from '../../../src/server/modules/consultation/domain/steps.ts';

// The step table and the pure rules of a move. The table is checked against the procedure as
// the product describes it, written out here; each requirement is checked for its refusal and
// for passing.

const NOW = new Date('2026-03-10T00:00:00Z');
const PAST = new Date('2026-03-09T00:00:00Z');
const FUTURE = new Date('2026-03-11T00:00:00Z');
const ALL: Mover[] = ['community_staff', 'owners_committee', 'street_office', 'proposer'];

const matter = (over: Partial<MoveMatter> = {}): MoveMatter => ({ step: 'propose', version: 1, urgency: 'routine', signaturesRequired: 0, cosignatures: 0, stepDueAt: null, ...over });
const request = (m: MoveMatter, to: MatterStep, over: Partial<MoveRequest> = {}): MoveRequest => ({ to, expectedStep: m.step, ...over });
const check = (m: MoveMatter, to: MatterStep, movers: Mover[] = ALL, facts: MoveFacts = {}, over: Partial<MoveRequest> = {}) =>
  checkMove(m, request(m, to, over), new Set(movers), facts, NOW, 7);
const reasonOf = (r: ReturnType<typeof check>) => (r.ok ? 'ok' : r.refusal.reason);

const meeting = (over: Partial<NonNullable<MoveFacts['jointMeeting']>> = {}): MoveFacts => ({
  jointMeeting: { meetingId: 'm1', heldAt: '2026-03-09T06:00:00Z', allFourPartiesPresent: true, minutesLocked: true, conclusion: 'consensus', ...over },
});
const notice = (over: Partial<NonNullable<MoveFacts['notice']>> = {}): MoveFacts => ({
  notice: { id: 'n1', postingEnded: true, postingEndsAt: PAST.toISOString(), openObjections: 0, overdueObjections: 0, ...over },
});

describe('the step table', () => {
  it('has the main line, and the three ways off it', () => {
    const main = MOVES.filter((m) => !['declined', 'withdrawn', 'escalated'].includes(m.to) && m.from !== 'escalated').map((m) => `${m.from}→${m.to}`);
    expect(main).toEqual([
      'propose→consult', 'consult→deliberate', 'deliberate→resolve', 'resolve→publish_resolution',
      'publish_resolution→implement', 'implement→publish_results', 'publish_results→closed',
    ]);
    expect(MOVES.filter((m) => m.to === 'escalated').map((m) => m.from)).toEqual(['deliberate', 'resolve', 'implement']);
    expect(movesFrom('escalated').map((m) => m.to)).toEqual(['deliberate', 'declined']);
  });

  it('never lets a move skip deliberation or a disclosure', () => {
    for (const move of MOVES) {
      const from = matterSteps.indexOf(move.from);
      const to = matterSteps.indexOf(move.to);
      if (to <= 7 && from <= 7) expect(to - from, `${move.from}→${move.to}`).toBe(1);
    }
    expect(MOVES.filter((m) => m.to === 'resolve').map((m) => m.from)).toEqual(['deliberate']);
    expect(MOVES.filter((m) => m.to === 'implement').map((m) => m.from)).toEqual(['publish_resolution']);
    expect(MOVES.filter((m) => m.to === 'closed').map((m) => m.from)).toEqual(['publish_results']);
  });

  it('has no move out of the final steps, and one way at most between two steps', () => {
    for (const step of matterSteps) if (STEPS[step].final) expect(movesFrom(step)).toEqual([]);
    expect(new Set(MOVES.map((m) => `${m.from}→${m.to}`)).size).toBe(MOVES.length);
  });

  it('says what each step allows', () => {
    expect(matterSteps.filter((s) => stepAllows(s, 'comment'))).toEqual(['consult']);
    expect(matterSteps.filter((s) => stepAllows(s, 'support'))).toEqual(['consult']);
    expect(matterSteps.filter((s) => stepAllows(s, 'cosign'))).toEqual(['propose']);
    expect(matterSteps.filter((s) => stepAllows(s, 'vote'))).toEqual(['resolve']);
    expect(matterSteps.filter((s) => stepAllows(s, 'notice'))).toEqual(['publish_resolution', 'publish_results']);
    expect(matterSteps.filter((s) => stepAllows(s, 'objections'))).toEqual(['publish_resolution', 'publish_results']);
    expect(matterSteps.filter((s) => stepAllows(s, 'tasks'))).toEqual(['publish_resolution', 'implement']);
    expect(matterSteps.filter((s) => stepAllows(s, 'rating'))).toEqual(['publish_results']);
  });

  it('puts deadlines on consult (a period), deliberate and resolve (limits), implement (tasks) and the notices', () => {
    expect(STEPS.consult.deadline).toEqual({ kind: 'period', setting: 'consultDays' });
    expect(STEPS.deliberate.deadline).toEqual({ kind: 'limit', setting: 'deliberateDays' });
    expect(STEPS.resolve.deadline).toEqual({ kind: 'limit', setting: 'resolveDays' });
    expect(STEPS.implement.deadline).toEqual({ kind: 'tasks' });
    expect(LATE_WHEN_PAST).toEqual(['consult', 'deliberate', 'resolve', 'implement']);
  });
});

describe('checkMove: order of refusals', () => {
  it('a stale expected step or version comes first', () => {
    const m = matter({ step: 'consult', version: 3 });
    expect(reasonOf(checkMove(m, { to: 'deliberate', expectedStep: 'propose' }, new Set([]), {}, NOW, 7))).toBe('matter_moved');
    expect(reasonOf(checkMove(m, { to: 'deliberate', expectedStep: 'consult', expectedVersion: 2 }, new Set([]), {}, NOW, 7))).toBe('matter_moved');
  });

  it('then a move that is not in the table, for every pair of steps', () => {
    for (const from of matterSteps) {
      for (const to of matterSteps) {
        const r = check(matter({ step: from }), to, []);
        expect(reasonOf(r), `${from}→${to}`).toBe(findMove(from, to) ? 'not_a_mover' : 'no_such_move');
      }
    }
  });

  it('then the role: each move allows exactly its movers', () => {
    for (const move of MOVES) {
      for (const mover of ALL) {
        const r = check(matter({ step: move.from }), move.to, [mover]);
        expect(reasonOf(r) === 'not_a_mover', `${move.from}→${move.to} by ${mover}`).toBe(!move.movers.includes(mover));
      }
    }
  });
});

describe('checkMove: requirements', () => {
  it('acceptance needs the signatures and a direction', () => {
    expect(reasonOf(check(matter({ signaturesRequired: 10, cosignatures: 9 }), 'consult', ALL, {}, { direction: 'd' }))).toBe('signatures_missing');
    expect(reasonOf(check(matter({ signaturesRequired: 10, cosignatures: 10 }), 'consult'))).toBe('direction_required');
    const ok = check(matter({ signaturesRequired: 10, cosignatures: 10 }), 'consult', ALL, {}, { direction: 'd' });
    expect(ok).toMatchObject({ ok: true, consult: { days: 7, shortenedReason: null } });
  });

  it('closing consultation waits for the end of the period', () => {
    expect(reasonOf(check(matter({ step: 'consult', stepDueAt: FUTURE }), 'deliberate'))).toBe('consult_period_running');
    expect(reasonOf(check(matter({ step: 'consult', stepDueAt: NOW }), 'deliberate'))).toBe('ok');
  });

  it('concluding deliberation needs a held joint meeting with all four parties, locked minutes and an agreement', () => {
    const m = matter({ step: 'deliberate', stepDueAt: FUTURE });
    expect(reasonOf(check(m, 'resolve', ALL, { jointMeeting: null }))).toBe('joint_meeting_missing');
    expect(reasonOf(check(m, 'resolve', ALL, meeting({ allFourPartiesPresent: false })))).toBe('joint_meeting_incomplete');
    expect(reasonOf(check(m, 'resolve', ALL, meeting({ minutesLocked: false })))).toBe('joint_meeting_not_locked');
    expect(reasonOf(check(m, 'resolve', ALL, meeting({ conclusion: 'no_consensus' })))).toBe('joint_meeting_no_consensus');
    expect(reasonOf(check(m, 'resolve', ALL, meeting({ conclusion: null })))).toBe('joint_meeting_missing');
    expect(reasonOf(check(m, 'resolve', ALL, meeting({ conclusion: 'majority' })))).toBe('ok');
    expect(reasonOf(check(m, 'resolve', ALL, meeting()))).toBe('ok');
  });

  it('escalation needs a reason, and no consensus or a passed deadline', () => {
    const m = matter({ step: 'deliberate', stepDueAt: FUTURE });
    expect(reasonOf(check(m, 'escalated', ALL, meeting({ conclusion: 'no_consensus' })))).toBe('reason_required');
    expect(reasonOf(check(m, 'escalated', ALL, meeting(), { reason: 'r' }))).toBe('nothing_to_escalate');
    expect(reasonOf(check(m, 'escalated', ALL, meeting({ conclusion: 'no_consensus', minutesLocked: false }), { reason: 'r' }))).toBe('nothing_to_escalate');
    expect(reasonOf(check(m, 'escalated', ALL, meeting({ conclusion: 'no_consensus' }), { reason: 'r' }))).toBe('ok');
    expect(reasonOf(check(matter({ step: 'deliberate', stepDueAt: PAST }), 'escalated', ALL, { jointMeeting: null }, { reason: 'r' }))).toBe('ok');
    expect(reasonOf(check(matter({ step: 'resolve', stepDueAt: FUTURE }), 'escalated', ALL, {}, { reason: 'r' }))).toBe('not_overdue');
    expect(reasonOf(check(matter({ step: 'resolve', stepDueAt: PAST }), 'escalated', ALL, {}, { reason: 'r' }))).toBe('ok');
    expect(reasonOf(check(matter({ step: 'implement', stepDueAt: null }), 'escalated', ALL, {}, { reason: 'r' }))).toBe('not_overdue');
  });

  it('publishing needs the resolution; implementing and closing need the notice cleared', () => {
    expect(reasonOf(check(matter({ step: 'resolve' }), 'publish_resolution', ALL, { resolutionRecorded: false }))).toBe('resolution_missing');
    expect(reasonOf(check(matter({ step: 'resolve' }), 'publish_resolution', ALL, { resolutionRecorded: true }))).toBe('ok');
    const m = matter({ step: 'publish_resolution' });
    expect(reasonOf(check(m, 'implement', ALL, { notice: null }))).toBe('notice_posting');
    expect(reasonOf(check(m, 'implement', ALL, notice({ postingEnded: false })))).toBe('notice_posting');
    expect(reasonOf(check(m, 'implement', ALL, notice({ openObjections: 1 })))).toBe('objections_open');
    expect(reasonOf(check(m, 'implement', ALL, notice({ overdueObjections: 1, openObjections: 1 })))).toBe('objections_open');
    expect(reasonOf(check(m, 'implement', ALL, notice()))).toBe('ok');
    expect(reasonOf(check(matter({ step: 'publish_results' }), 'closed', ALL, notice()))).toBe('ok');
  });

  it('publishing the results needs the acceptance', () => {
    expect(reasonOf(check(matter({ step: 'implement' }), 'publish_results', ALL, { accepted: false }))).toBe('not_accepted');
    expect(reasonOf(check(matter({ step: 'implement' }), 'publish_results', ALL, { accepted: true }))).toBe('ok');
  });
});

describe('the consult period', () => {
  it('is the community\u2019s, or longer for anyone', () => {
    expect(consultPeriod('routine', 7, { to: 'consult', expectedStep: 'propose' })).toEqual({ days: 7, shortenedReason: null });
    expect(consultPeriod('routine', 7, { to: 'consult', expectedStep: 'propose', consultDays: 10 })).toEqual({ days: 10, shortenedReason: null });
  });

  it('is shorter only for an urgent matter, with a reason', () => {
    expect(consultPeriod('routine', 7, { to: 'consult', expectedStep: 'propose', consultDays: 3, shortenReason: 'r' })).toMatchObject({ ok: false, refusal: { reason: 'shortening_not_allowed' } });
    expect(consultPeriod('urgent', 7, { to: 'consult', expectedStep: 'propose', consultDays: 3 })).toMatchObject({ ok: false, refusal: { reason: 'reason_required', field: 'shortenReason' } });
    expect(consultPeriod('urgent', 7, { to: 'consult', expectedStep: 'propose', consultDays: 3, shortenReason: 'burst pipe' })).toEqual({ days: 3, shortenedReason: 'burst pipe' });
  });
});
