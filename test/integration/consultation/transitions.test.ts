import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matterSteps } from '../../../src/contracts/consultation.ts';
import { advance, consultationWorld, matterAt, type Role, type World } from './world.ts';

// Every move of the step table, tried by every role, written out here rather than read from the
// table so that a change to the table shows up as a failing row. A mover passes the role check and
// meets the move's first unmet requirement (409, or 400 for a missing reason); a role that reads
// the matter but may not move it gets 403 not_a_mover; a role outside the matter's scope 404.
// Then every pair of steps that is NOT a move is refused with 409 no_such_move.

const roles: Role[] = ['staff', 'staff2', 'committee', 'property', 'grid', 'street', 'district', 'otherStaff', 'raiserOwner', 'owner', 'otherCompoundOwner'];
const outOfScope: Role[] = ['otherStaff', 'otherCompoundOwner'];

interface MoveCase {
  from: string;
  to: string;
  movers: Role[];
  /** what a mover meets on the test's matter: the first unmet requirement */
  unmet: { status: number; reason: string };
}

const COMMUNITY: Role[] = ['staff', 'staff2'];
const STREET: Role[] = ['street', 'district'];
const reasonMissing = { status: 400, reason: 'reason_required' };

const moves: MoveCase[] = [
  { from: 'propose', to: 'consult', movers: COMMUNITY, unmet: { status: 409, reason: 'signatures_missing' } },
  { from: 'propose', to: 'declined', movers: COMMUNITY, unmet: reasonMissing },
  { from: 'propose', to: 'withdrawn', movers: [...COMMUNITY, 'raiserOwner'], unmet: reasonMissing },
  { from: 'consult', to: 'deliberate', movers: COMMUNITY, unmet: { status: 409, reason: 'consult_period_running' } },
  { from: 'consult', to: 'withdrawn', movers: [...COMMUNITY, 'raiserOwner'], unmet: reasonMissing },
  { from: 'deliberate', to: 'resolve', movers: COMMUNITY, unmet: { status: 409, reason: 'joint_meeting_missing' } },
  { from: 'deliberate', to: 'escalated', movers: [...COMMUNITY, ...STREET], unmet: reasonMissing },
  { from: 'resolve', to: 'publish_resolution', movers: [...COMMUNITY, 'committee'], unmet: { status: 409, reason: 'resolution_missing' } },
  { from: 'resolve', to: 'escalated', movers: [...COMMUNITY, ...STREET], unmet: reasonMissing },
  { from: 'publish_resolution', to: 'implement', movers: [...COMMUNITY, 'committee'], unmet: { status: 409, reason: 'notice_posting' } },
  { from: 'implement', to: 'publish_results', movers: [...COMMUNITY, 'committee'], unmet: { status: 409, reason: 'not_accepted' } },
  { from: 'implement', to: 'escalated', movers: [...COMMUNITY, ...STREET], unmet: reasonMissing },
  { from: 'publish_results', to: 'closed', movers: [...COMMUNITY, 'committee'], unmet: { status: 409, reason: 'notice_posting' } },
  { from: 'escalated', to: 'deliberate', movers: STREET, unmet: reasonMissing },
  { from: 'escalated', to: 'declined', movers: STREET, unmet: reasonMissing },
];

let w: World;
beforeAll(async () => {
  w = await consultationWorld();
});
afterAll(() => w.t.close());

describe.each(moves)('$from → $to', (move) => {
  let matter: { id: string; step: string };
  beforeAll(async () => {
    matter = await matterAt(w, move.from);
  });

  it.each(roles)('%s', async (role) => {
    const res = await advance(w.as(role), matter, move.to);
    const body = res.json();
    if (move.movers.includes(role)) {
      expect([res.statusCode, body.error.details.reason], res.body).toEqual([move.unmet.status, move.unmet.reason]);
    } else if (outOfScope.includes(role)) {
      expect([res.statusCode, body.error.code], res.body).toEqual([404, 'not_found']);
    } else {
      expect([res.statusCode, body.error.details?.reason], res.body).toEqual([403, 'not_a_mover']);
    }
  });
});

describe('steps with no move between them', () => {
  const pairs = matterSteps.flatMap((from) => matterSteps.map((to) => ({ from, to }))).filter((p) => !moves.some((m) => m.from === p.from && m.to === p.to));

  it('covers every other pair of steps', () => {
    expect(pairs).toHaveLength(matterSteps.length ** 2 - moves.length);
  });

  it.each(matterSteps)('from %s: every other target is refused with no_such_move, for staff and the street office alike', async (from) => {
    const matter = await matterAt(w, from);
    for (const { to } of pairs.filter((p) => p.from === from)) {
      for (const role of ['staff', 'street'] as const) {
        const res = await advance(w.as(role), matter, to);
        expect([to, role, res.statusCode, res.json().error.details.reason]).toEqual([to, role, 409, 'no_such_move']);
      }
    }
  });

  it('names the moves that exist in its refusal', async () => {
    const matter = await matterAt(w, 'consult');
    const res = await advance(w.as('staff'), matter, 'resolve');
    expect(res.json().error.message).toContain('it may move to deliberate, withdrawn');
  });
});

describe('a stale sender', () => {
  it('gets 409 matter_moved when the matter is not in the step they saw', async () => {
    const matter = await matterAt(w, 'consult');
    const res = await w.as('staff').post(`/api/matters/${matter.id}/advance`, { to: 'consult', expectedStep: 'propose', direction: 'x' });
    expect([res.statusCode, res.json().error.details.reason]).toEqual([409, 'matter_moved']);
  });

  it('gets 409 matter_moved when the version differs', async () => {
    const matter = await matterAt(w, 'propose', { signaturesRequired: 0, source: 'community' });
    const res = await w.as('staff').post(`/api/matters/${matter.id}/advance`, { to: 'consult', expectedStep: 'propose', expectedVersion: 2, direction: 'x' });
    expect([res.statusCode, res.json().error.details.reason]).toEqual([409, 'matter_moved']);
    const ok = await w.as('staff').post(`/api/matters/${matter.id}/advance`, { to: 'consult', expectedStep: 'propose', expectedVersion: 1, direction: 'x' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
  });
});
