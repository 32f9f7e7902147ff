import { describe, expect, it } from 'vitest';
import type { Party } from '../../../src/contracts/meetings.ts';
import { parityWarnings } from '../../../src/server/modules/meetings/domain/parity.ts';
import { addendumDigest, minutesDigest, requiredSigners, signOffState, type MinutesContent } from '../../../src/server/modules/meetings/domain/minutes.ts';

const rep = (party: Party, present: boolean | null = null, voting = party !== 'owners_representative') => ({ party, voting, present });

describe('parityWarnings', () => {
  it('warns when the parties invited unequal numbers of voting representatives, and not otherwise', () => {
    const equal = [rep('party_org'), rep('residents_committee'), rep('owners_committee'), rep('property_company'), rep('owners_representative'), rep('owners_representative')];
    expect(parityWarnings('joint', equal, false)).toEqual([]);
    const unequal = [...equal, rep('party_org')];
    expect(parityWarnings('joint', unequal, false)).toEqual([
      expect.objectContaining({ code: 'parity_invited', details: { counts: { party_org: 2, residents_committee: 1, owners_committee: 1, property_company: 1 } } }),
    ]);
    // a party with nobody invited is a mismatch too
    expect(parityWarnings('joint', equal.slice(1), false).map((w) => w.code)).toEqual(['parity_invited']);
  });

  it('checks those present once attendance is taken', () => {
    const reps = [rep('party_org', true), rep('residents_committee', true), rep('owners_committee', false), rep('property_company', true)];
    expect(parityWarnings('joint', reps, false)).toEqual([]);
    expect(parityWarnings('joint', reps, true).map((w) => w.code)).toEqual(['parity_present']);
  });

  it('does not apply to owners\u2019 committee meetings', () => {
    expect(parityWarnings('owners_committee', [rep('owners_committee')], true)).toEqual([]);
  });
});

describe('minutes sign-off', () => {
  const content: MinutesContent = {
    meetingId: 'm',
    minutesText: 'text',
    attendance: [{ representativeId: 'b', present: true }, { representativeId: 'a', present: false }],
    items: [{ id: 'i', order: 1, matterId: null, title: 't', notes: '', conclusion: 'consensus', direction: 'support', positions: [{ voter: 'y', position: 'support', reason: '' }, { voter: 'x', position: 'support', reason: '' }] }],
  };

  it('digests the record the same whatever the row order, and differently after any change', () => {
    const reordered = { ...content, attendance: [...content.attendance].reverse(), items: [{ ...content.items[0], positions: [...content.items[0].positions].reverse() }] };
    expect(minutesDigest(reordered)).toBe(minutesDigest(content));
    expect(minutesDigest({ ...content, minutesText: 'text.' })).not.toBe(minutesDigest(content));
    expect(minutesDigest({ ...content, attendance: [{ representativeId: 'b', present: false }, content.attendance[1]] })).not.toBe(minutesDigest(content));
    expect(addendumDigest('p', 't', 'a', '2026')).not.toBe(addendumDigest('q', 't', 'a', '2026'));
  });

  it('needs each voting party present (joint) or each member present (owners\u2019 committee)', () => {
    const reps = [
      { id: 'r1', party: 'party_org' as const, voting: true, present: true },
      { id: 'r2', party: 'party_org' as const, voting: true, present: true },
      { id: 'r3', party: 'residents_committee' as const, voting: true, present: false },
      { id: 'r4', party: 'property_company' as const, voting: true, present: true },
      { id: 'r5', party: 'owners_representative' as const, voting: false, present: true },
    ];
    expect(requiredSigners('joint', reps).map((s) => [s.key, s.representativeIds])).toEqual([['party_org', ['r1', 'r2']], ['property_company', ['r4']]]);
    const members = [{ id: 'm1', party: 'owners_committee' as const, voting: true, present: true }, { id: 'm2', party: 'owners_committee' as const, voting: true, present: false }];
    expect(requiredSigners('owners_committee', members).map((s) => s.key)).toEqual(['m1']);
  });

  it('is complete only with a signature on the current digest from every required signer', () => {
    const slots = [{ key: 'party_org', party: 'party_org' as const, representativeIds: ['r1'] }, { key: 'property_company', party: 'property_company' as const, representativeIds: ['r4'] }];
    expect(signOffState(slots, [{ signerKey: 'party_org', digest: 'd1' }], 'd1').complete).toBe(false);
    expect(signOffState(slots, [{ signerKey: 'party_org', digest: 'd0' }, { signerKey: 'property_company', digest: 'd1' }], 'd1').complete).toBe(false);
    expect(signOffState(slots, [{ signerKey: 'party_org', digest: 'd1' }, { signerKey: 'property_company', digest: 'd1' }], 'd1').complete).toBe(true);
    expect(signOffState([], [], 'd1').complete).toBe(false);
  });
});
