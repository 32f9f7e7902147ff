import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/contracts/accounts.ts';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import {
  canAcceptImplementation, canRaise, canReadMatter, canRecordResolution, canReportProgress, householdsFor, matterAbilities, moversOf, type MatterRef, type Viewer,
} from '../../../src/server/modules/consultation/consultation.policy.ts';

// The policy's answers for each kind of actor on one matter of compound X in community C.

const C = 'community-c';
const X = 'compound-x';
const Y = 'compound-y';

function staff(role: Role, where: 'community' | 'compound' | 'grid' | 'other'): Viewer {
  const scope = emptyScope();
  if (where === 'community') scope.communities.set(C, new Set([role]));
  if (where === 'compound') scope.compounds.set(X, { communityId: C, roles: new Set([role]) });
  if (where === 'grid') {
    scope.grids.set('grid-1', C);
    scope.compounds.set(X, { communityId: C, roles: new Set([role]) });
  }
  if (where === 'other') scope.communities.set('community-d', new Set([role]));
  const actor: Actor = { kind: 'staff', userId: `u-${role}-${where}`, username: role, displayName: role, grants: [], scope };
  return { actor, households: [] };
}

function owner(phone: string, compoundId: string): Viewer {
  const scope = emptyScope();
  scope.ownUnits.set(`unit-${phone}`, C);
  return { actor: { kind: 'owner', phone, personIds: [], scope }, households: [{ unitId: `unit-${phone}`, compoundId, communityId: C }] };
}

const matter = (over: Partial<MatterRef> = {}): MatterRef => ({
  id: 'm', communityId: C, compoundId: X, step: 'propose', decidingBody: 'owners_committee', signaturesRequired: 10,
  raisedByUserId: null, raisedByPhone: '13900000001', raisedByUnitId: 'unit-13900000001', ...over,
});

const viewers = {
  communityStaff: staff('community_staff', 'community'),
  streetAdmin: staff('street_admin', 'community'),
  committee: staff('owners_committee', 'compound'),
  property: staff('property_staff', 'compound'),
  grid: staff('grid_worker', 'grid'),
  otherCommunityStaff: staff('community_staff', 'other'),
  raiser: owner('13900000001', X),
  neighbour: owner('13900000002', X),
  otherCompound: owner('13900000003', Y),
  cli: { actor: systemActor('test'), households: [] } as Viewer,
};

describe('reading', () => {
  it('follows the community, the compound and the household', () => {
    const read = Object.fromEntries(Object.entries(viewers).map(([k, v]) => [k, canReadMatter(v, matter())]));
    expect(read).toEqual({
      communityStaff: true, streetAdmin: true, committee: true, property: true, grid: true,
      otherCommunityStaff: false, raiser: true, neighbour: true, otherCompound: false, cli: true,
    });
  });

  it('community-wide matters reach every household and compound role of the community', () => {
    const wide = matter({ compoundId: null });
    expect(canReadMatter(viewers.otherCompound, wide)).toBe(true);
    expect(canReadMatter(viewers.property, wide)).toBe(true);
    expect(householdsFor(viewers.otherCompound, wide)).toHaveLength(1);
    expect(householdsFor(viewers.otherCompound, matter())).toHaveLength(0);
  });
});

describe('movers', () => {
  it('are resolved from the roles relative to the matter', () => {
    const m = matter();
    expect([...moversOf(viewers.communityStaff, m)]).toEqual(['community_staff']);
    expect([...moversOf(viewers.streetAdmin, m)]).toEqual(['street_office']);
    expect([...moversOf(viewers.committee, m)]).toEqual(['owners_committee']);
    expect([...moversOf(viewers.raiser, m)]).toEqual(['proposer']);
    expect([...moversOf(viewers.neighbour, m)]).toEqual([]);
    expect([...moversOf(viewers.property, m)]).toEqual([]);
    expect(moversOf(viewers.cli, m).size).toBe(4);
    expect([...moversOf(viewers.committee, matter({ compoundId: null }))]).toEqual([]);
  });

  it('give the abilities\u2019 moves', () => {
    expect(matterAbilities(viewers.communityStaff, matter()).moves).toEqual(['consult', 'declined', 'withdrawn']);
    expect(matterAbilities(viewers.raiser, matter()).moves).toEqual(['withdrawn']);
    expect(matterAbilities(viewers.neighbour, matter()).cosign).toBe(true);
    expect(matterAbilities(viewers.raiser, matter()).cosign).toBe(false);
  });
});

describe('raising, resolving, implementing', () => {
  it('raising checks the source against the role', () => {
    expect(canRaise(viewers.raiser, { communityId: C, compoundId: X, source: 'residents' })).toBe(true);
    expect(canRaise(viewers.communityStaff, { communityId: C, compoundId: X, source: 'residents' })).toBe(false);
    expect(canRaise(viewers.committee, { communityId: C, compoundId: X, source: 'owners_committee' })).toBe(true);
    expect(canRaise(viewers.committee, { communityId: C, compoundId: Y, source: 'owners_committee' })).toBe(false);
    expect(canRaise(viewers.grid, { communityId: C, compoundId: null, source: 'complaint' })).toBe(true);
    expect(canRaise(viewers.property, { communityId: C, compoundId: X, source: 'community' })).toBe(false);
  });

  it('the deciding body decides who records the resolution', () => {
    const at = (decidingBody: MatterRef['decidingBody']) => matter({ step: 'resolve', decidingBody });
    expect(canRecordResolution(viewers.committee, at('owners_vote'))).toBe(true);
    expect(canRecordResolution(viewers.communityStaff, at('owners_vote'))).toBe(true);
    expect(canRecordResolution(viewers.communityStaff, at('owners_committee'))).toBe(false);
    expect(canRecordResolution(viewers.committee, at('two_committees'))).toBe(false);
    expect(canRecordResolution(viewers.communityStaff, at('residents_assembly'))).toBe(true);
    expect(canRecordResolution(viewers.committee, matter({ step: 'deliberate' }))).toBe(false);
  });

  it('tasks are reported by their party; acceptance by either committee', () => {
    const m = matter({ step: 'implement' });
    expect(canReportProgress(viewers.property, m, { responsibleParty: 'property_company' })).toBe(true);
    expect(canReportProgress(viewers.property, m, { responsibleParty: 'owners_committee' })).toBe(false);
    expect(canReportProgress(viewers.communityStaff, m, { responsibleParty: 'other' })).toBe(true);
    expect(canAcceptImplementation(viewers.committee, m, 'owners_committee')).toBe(true);
    expect(canAcceptImplementation(viewers.committee, m, 'residents_committee')).toBe(false);
    expect(canAcceptImplementation(viewers.communityStaff, m, 'residents_committee')).toBe(true);
    expect(canAcceptImplementation(viewers.property, m)).toBe(false);
  });
});
