import { describe, expect, it } from 'vitest';
import type { MeetingKind, Party } from '../../../src/contracts/meetings.ts';
import { evaluateQuorum, type PartyQuorumRule } from '../../../src/server/modules/meetings/domain/quorum.ts';

// The quorum of each kind, table-driven. Counts are voting representatives present per party
// (party kinds) or members present of the committee's size (owners' committee).

const P = (...parties: Party[]) => Object.fromEntries(parties.map((p) => [p, 1])) as Partial<Record<Party, number>>;
const ALL4 = P('party_org', 'residents_committee', 'owners_committee', 'property_company');
const threeOfFour: PartyQuorumRule = { minParties: 3, requiredParties: ['party_org'] };

const cases: { kind: MeetingKind; name: string; present: Partial<Record<Party, number>>; members?: [number, number]; rule?: PartyQuorumRule; met: boolean }[] = [
  // joint, default rule: all four parties present
  { kind: 'joint', name: 'all four present', present: ALL4, met: true },
  { kind: 'joint', name: 'all four, two from one party', present: { ...ALL4, party_org: 2 }, met: true },
  { kind: 'joint', name: 'property company absent', present: P('party_org', 'residents_committee', 'owners_committee'), met: false },
  { kind: 'joint', name: 'only owners\u2019 representatives (no party vote)', present: P('owners_representative'), met: false },
  { kind: 'joint', name: 'three parties plus owners\u2019 representatives', present: P('party_org', 'residents_committee', 'owners_committee', 'owners_representative'), met: false },
  { kind: 'joint', name: 'nobody', present: {}, met: false },
  // joint, configured: three of four, the Party organisation among them
  { kind: 'joint', name: '3 of 4 with the Party org', present: P('party_org', 'residents_committee', 'property_company'), rule: threeOfFour, met: true },
  { kind: 'joint', name: '3 of 4 without the Party org', present: P('residents_committee', 'owners_committee', 'property_company'), rule: threeOfFour, met: false },
  { kind: 'joint', name: '2 of 4 with the Party org', present: P('party_org', 'residents_committee'), rule: threeOfFour, met: false },
  // two committees: both, always (not configurable)
  { kind: 'two_committees', name: 'both committees', present: P('party_org', 'residents_committee'), met: true },
  { kind: 'two_committees', name: 'only the Party org', present: P('party_org'), rule: { minParties: 1, requiredParties: [] }, met: false },
  { kind: 'two_committees', name: 'other parties do not count', present: P('party_org', 'owners_committee', 'property_company'), met: false },
  // owners' committee: more than half of the members
  { kind: 'owners_committee', name: '3 of 4', present: {}, members: [4, 3], met: true },
  { kind: 'owners_committee', name: 'exactly half: 2 of 4', present: {}, members: [4, 2], met: false },
  { kind: 'owners_committee', name: '3 of 5', present: {}, members: [5, 3], met: true },
  { kind: 'owners_committee', name: '2 of 5', present: {}, members: [5, 2], met: false },
  { kind: 'owners_committee', name: 'exactly half: 3 of 6', present: {}, members: [6, 3], met: false },
  { kind: 'owners_committee', name: '4 of 6', present: {}, members: [6, 4], met: true },
  { kind: 'owners_committee', name: '1 of 1', present: {}, members: [1, 1], met: true },
  { kind: 'owners_committee', name: 'a committee without members', present: {}, members: [0, 0], met: false },
  { kind: 'owners_committee', name: 'more present than members (a stale count) is capped', present: {}, members: [2, 5], met: true },
];

describe('evaluateQuorum', () => {
  it.each(cases)('$kind: $name → met $met', ({ kind, present, members, rule, met }) => {
    const result = evaluateQuorum(kind, { presentByParty: present, members: members ? { total: members[0], present: members[1] } : undefined }, rule);
    expect(result.met).toBe(met);
  });

  it('names what is missing and what is needed', () => {
    const joint = evaluateQuorum('joint', { presentByParty: P('party_org', 'owners_committee') });
    expect(joint).toMatchObject({ rule: 'parties', present: 2, needed: 4, of: 4, missingParties: ['residents_committee', 'property_company'] });
    expect(joint.explanation).toBe('2 of 4 parties present; 4 needed; required but absent: residents_committee, property_company');
    const committee = evaluateQuorum('owners_committee', { presentByParty: {}, members: { total: 4, present: 2 } });
    expect(committee).toMatchObject({ rule: 'members_more_than_half', present: 2, needed: 3, of: 4 });
    expect(committee.explanation).toBe('2 of 4 members present; more than half (at least 3) are needed');
  });

  it('ignores a configured rule for kinds whose quorum is fixed', () => {
    const r = evaluateQuorum('two_committees', { presentByParty: P('party_org', 'residents_committee') }, { minParties: 4, requiredParties: ['property_company'] });
    expect(r).toMatchObject({ met: true, needed: 2, missingParties: [] });
  });
});
