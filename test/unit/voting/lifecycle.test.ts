import { describe, expect, it } from 'vitest';
import {
  checkAllowed, checkBallotTime, checkExtension, checkTransition, DEFAULT_BOUNDS, LIFECYCLE_ACTIONS, STATE_ALLOWS, TRANSITIONS, VOTE_STATES,
  type LifecycleAction, type VoteState,
} from '../../../src/server/modules/voting/domain/lifecycle.ts';
import { checkRule, checkSchedule } from '../../../src/server/modules/voting/domain/schedule.ts';
import { PRESET_IDS } from '../../../src/server/modules/voting/domain/index.ts';
import { presetIds } from '../../../src/contracts/voting.ts';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY);
const times = { noticeAt: at(0), opensAt: at(20), closesAt: at(30) };

describe('the state table', () => {
  it('allows exactly the moves of the issue, and nothing out of cancelled or published', () => {
    const allowed: Record<VoteState, LifecycleAction[]> = {
      draft: ['announce', 'cancel'],
      announced: ['open', 'cancel'],
      open: ['close', 'cancel'],
      closed: ['count'],
      counted: ['publish'],
      published: [],
      cancelled: [],
    };
    for (const state of VOTE_STATES) {
      const moves = LIFECYCLE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(state));
      expect(moves, state).toEqual(allowed[state]);
    }
  });

  it('refuses every move from a state that does not allow it, naming the state', () => {
    for (const state of VOTE_STATES) {
      for (const action of LIFECYCLE_ACTIONS) {
        if (TRANSITIONS[action].from.includes(state)) continue;
        const check = checkTransition(action, state, at(100), times, DEFAULT_BOUNDS);
        expect(check.ok, `${action} from ${state}`).toBe(false);
        if (!check.ok) {
          expect(check.refusal.reason).toBe('wrong_state');
          expect(check.refusal.message).toContain(`a vote that is ${state}`);
        }
      }
    }
  });

  it('announces only with the minimum notice left before opening (the boundary passes)', () => {
    expect(checkTransition('announce', 'draft', at(5), times, DEFAULT_BOUNDS)).toEqual({ ok: true, to: 'announced' });
    const late = checkTransition('announce', 'draft', new Date(at(5).getTime() + 1), times, DEFAULT_BOUNDS);
    expect(late).toMatchObject({ ok: false, refusal: { reason: 'too_late', field: 'opensAt' } });
  });

  it('opens not before the opening time and closes not before the closing time (no early close)', () => {
    expect(checkTransition('open', 'announced', new Date(at(20).getTime() - 1), times, DEFAULT_BOUNDS)).toMatchObject({ ok: false, refusal: { reason: 'too_early', field: 'opensAt' } });
    expect(checkTransition('open', 'announced', at(20), times, DEFAULT_BOUNDS)).toEqual({ ok: true, to: 'open' });
    expect(checkTransition('close', 'open', new Date(at(30).getTime() - 1), times, DEFAULT_BOUNDS)).toMatchObject({ ok: false, refusal: { reason: 'too_early', field: 'closesAt' } });
    expect(checkTransition('close', 'open', at(30), times, DEFAULT_BOUNDS)).toEqual({ ok: true, to: 'closed' });
  });

  it('takes ballots only while open and before the closing time', () => {
    expect(checkBallotTime('open', at(29), times)).toBeNull();
    expect(checkBallotTime('open', at(30), times)).toMatchObject({ reason: 'too_late' });
    expect(checkBallotTime('announced', at(10), times)).toMatchObject({ reason: 'wrong_state' });
    expect(checkAllowed('closed', 'paperEntries', 'x')).toBeNull();
    expect(checkAllowed('counted', 'paperEntries', 'paper ballots are entered')?.message).toBe('paper ballots are entered only while the vote is open or closed; it is counted');
  });

  it('freezes the roll from opening on', () => {
    expect(VOTE_STATES.filter((s) => STATE_ALLOWS[s].frozen)).toEqual(['open', 'closed', 'counted', 'published']);
  });

  it('extends the closing time only before it passes, later, and within the longest window', () => {
    expect(checkExtension('open', at(29), times, at(35), DEFAULT_BOUNDS)).toBeNull();
    expect(checkExtension('open', at(30), times, at(35), DEFAULT_BOUNDS)).toMatchObject({ reason: 'too_late', field: 'closesAt' });
    expect(checkExtension('open', at(25), times, at(30), DEFAULT_BOUNDS)).toMatchObject({ reason: 'too_early' });
    expect(checkExtension('open', at(25), times, at(80), DEFAULT_BOUNDS)).toBeNull();
    expect(checkExtension('open', at(25), times, new Date(at(80).getTime() + 1), DEFAULT_BOUNDS)?.message).toContain('at most 60');
    expect(checkExtension('closed', at(25), times, at(35), DEFAULT_BOUNDS)).toMatchObject({ reason: 'wrong_state' });
  });
});

describe('draft checks', () => {
  it('names the field: notice too short, window outside the bounds; the boundaries pass', () => {
    expect(checkSchedule({ noticeAt: at(0), opensAt: at(15), closesAt: at(20) }, DEFAULT_BOUNDS)).toEqual([]);
    expect(checkSchedule({ noticeAt: at(0), opensAt: at(15), closesAt: at(75) }, DEFAULT_BOUNDS)).toEqual([]);
    expect(checkSchedule({ noticeAt: at(1), opensAt: at(15), closesAt: at(19) }, DEFAULT_BOUNDS)).toEqual([
      { path: 'opensAt', message: 'opens 14 days after the notice; this compound requires at least 15' },
      { path: 'closesAt', message: 'the voting window is 4 days; this compound allows 5 to 60' },
    ]);
  });

  it('refuses silent votes without the clause, foreign weights the registry lacks, and malformed elections', () => {
    expect(checkRule('cn-civil-code-2021', { silentVotes: 'follow-majority' }, [{ item: 4, kind: 'decision' }])).toEqual([
      { path: 'options.silentVotesClause', message: 'silent votes need the rules-of-procedure clause that allows them' },
    ]);
    expect(checkRule('cn-civil-code-2021', { silentVotes: 'follow-majority', silentVotesClause: 'Art. 12' }, [{ item: 4, kind: 'decision' }])).toEqual([]);
    expect(checkRule('us-ucioa', {}, [{ item: 4, kind: 'decision' }])[0].path).toBe('preset');
    expect(checkRule('de-weg-2020', {}, [{ item: 3, kind: 'election', seats: 1, candidates: [{ name: 'a' }] }])[0].path).toBe('questions.0.kind');
    expect(checkRule('cn-civil-code-2021', {}, [{ item: 4, kind: 'election', seats: 0, candidates: [{ name: 'a' }, { name: 'a' }] }]).map((i) => i.path)).toEqual([
      'questions.0.item', 'questions.0.seats', 'questions.0.candidates.1.name',
    ]);
    expect(checkRule('cn-civil-code-2021', {}, [{ item: 4, kind: 'decision', seats: 2 }])[0].path).toBe('questions.0.candidates');
  });

  it('offers the tally core\'s presets in the API contract', () => {
    expect([...presetIds]).toEqual([...PRESET_IDS]);
  });
});
