import type { Conclusion, Position } from '../../../../contracts/meetings.ts';

// The conclusion of one agenda item, from the positions taken. Pure.
//
// The voters are the kind's voting parties (joint: all four, present or not) or, for an owners'
// committee, ALL of its members. Absent voters and abstentions count for neither side, so:
// - consensus: every voter took a position and all took the same one (support or object);
// - majority: more than half of ALL voters took the same position; the others are the dissent;
// - no_consensus: neither; the matter escalates (to the street office, by the consultation module).

export interface CastPosition {
  /** the party, or the member's representative id */
  voter: string;
  position: Position;
  reason: string;
}

export interface ItemConclusion {
  conclusion: Conclusion;
  /** the side that carried (consensus or majority); null when no consensus */
  direction: 'support' | 'object' | null;
  escalate: boolean;
  tally: { support: number; object: number; abstain: number; absent: number; voters: number };
  /** the voters who did not take the carrying position, with theirs (absent = took none) */
  dissent: { voter: string; position: Position | 'absent'; reason: string | null }[];
}

/** `voters` names every voter of the body, present or not; `positions` holds those taken. */
export function concludeItem(voters: readonly string[], positions: readonly CastPosition[]): ItemConclusion {
  const byVoter = new Map(positions.filter((p) => voters.includes(p.voter)).map((p) => [p.voter, p]));
  const count = (pos: Position) => [...byVoter.values()].filter((p) => p.position === pos).length;
  const tally = { support: count('support'), object: count('object'), abstain: count('abstain'), absent: voters.length - byVoter.size, voters: voters.length };
  let direction: 'support' | 'object' | null = null;
  let conclusion: Conclusion = 'no_consensus';
  for (const side of ['support', 'object'] as const) {
    if (voters.length > 0 && tally[side] === voters.length) {
      conclusion = 'consensus';
      direction = side;
    } else if (tally[side] * 2 > voters.length) {
      conclusion = 'majority';
      direction = side;
    }
    if (direction) break;
  }
  const dissent = voters
    .map((voter) => ({ voter, cast: byVoter.get(voter) }))
    .filter(({ cast }) => !cast || cast.position !== direction)
    .map(({ voter, cast }) => ({ voter, position: cast?.position ?? ('absent' as const), reason: cast?.reason ?? null }));
  return { conclusion, direction, escalate: conclusion === 'no_consensus', tally, dissent };
}
