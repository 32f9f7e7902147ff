import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/contracts/accounts.ts';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import * as policy from '../../../src/server/modules/notices/notices.policy.ts';
import type { NoticeRef, OwnerPlaces } from '../../../src/server/modules/notices/notices.policy.ts';
import { scheduleNotice } from '../../../src/server/modules/notices/domain/periods.ts';

// The notices policy on hand-built scopes: role × notice × ability, without a database.

const C = 'community-1';
const X1 = 'compound-1';
const X2 = 'compound-2';

function staff(role: Role, build: (s: ReturnType<typeof emptyScope>) => void): Actor {
  const scope = emptyScope();
  build(scope);
  return { kind: 'staff', userId: 'u', username: role, displayName: role, grants: [{ role, scopeId: 'x' }], scope };
}
const compoundRole = (role: Role) => staff(role, (s) => s.compounds.set(X1, { communityId: C, roles: new Set([role]) }));

const actors: Record<string, Actor> = {
  district: staff('district_admin', (s) => s.communities.set(C, new Set(['district_admin']))),
  street: staff('street_admin', (s) => s.communities.set(C, new Set(['street_admin']))),
  communityStaff: staff('community_staff', (s) => s.communities.set(C, new Set(['community_staff']))),
  committee: compoundRole('owners_committee'),
  property: compoundRole('property_staff'),
  gridWorker: compoundRole('grid_worker'),
  owner: { kind: 'owner', phone: '13800000001', personIds: ['p'], scope: { ...emptyScope(), ownUnits: new Map([['unit-1', C]]) } },
  otherStaff: staff('community_staff', (s) => s.communities.set('community-2', new Set(['community_staff']))),
  system: systemActor(),
};
const places: Record<string, OwnerPlaces> = {
  owner: { compoundIds: new Set([X1]), communityIds: new Set([C]), unitByCompound: new Map([[X1, 'unit-1']]) },
};
const placesOf = (name: string) => places[name] ?? policy.NO_PLACES;

const notice = (over: Partial<NoticeRef>): NoticeRef => ({ id: 'n', communityId: C, compoundId: X1, state: 'published', issuerKind: 'community', ...over });
const communityDraft = notice({ state: 'draft' });
const committeeDraft = notice({ state: 'draft', issuerKind: 'owners_committee' });
const published = notice({});
const otherCompound = notice({ compoundId: X2 });
const communityWide = notice({ compoundId: null });

const T = true;
const F = false;
type Row = [string, (a: Actor, name: string) => boolean, Record<string, boolean>];
const table: Row[] = [
  //                                                             district street staff  cttee  prop   grid   owner  other  system
  ['issue for compound 1', (a) => policy.issuerKindFor(a, { communityId: C, compoundId: X1 }) !== null, { district: T, street: T, communityStaff: T, committee: T, property: F, gridWorker: F, owner: F, otherStaff: F, system: T }],
  ['issue community-wide', (a) => policy.issuerKindFor(a, { communityId: C, compoundId: null }) !== null, { district: T, street: T, communityStaff: T, committee: F, property: F, gridWorker: F, owner: F, otherStaff: F, system: T }],
  ['issue for compound 2', (a) => policy.issuerKindFor(a, { communityId: C, compoundId: X2 }) !== null, { district: T, street: T, communityStaff: T, committee: F, property: F, gridWorker: F, owner: F, otherStaff: F, system: T }],
  ['manage community draft', (a) => policy.canManageNotice(a, communityDraft), { district: T, street: T, communityStaff: T, committee: F, property: F, gridWorker: F, owner: F, otherStaff: F, system: T }],
  ['manage committee draft', (a) => policy.canManageNotice(a, committeeDraft), { district: T, street: T, communityStaff: T, committee: T, property: F, gridWorker: F, owner: F, otherStaff: F, system: T }],
  ['read community draft', (a, n) => policy.canReadNotice(a, communityDraft, placesOf(n)), { district: T, street: T, communityStaff: T, committee: F, property: F, gridWorker: F, owner: F, otherStaff: F, system: T }],
  ['read published', (a, n) => policy.canReadNotice(a, published, placesOf(n)), { district: T, street: T, communityStaff: T, committee: T, property: T, gridWorker: T, owner: T, otherStaff: F, system: T }],
  ['read published of compound 2', (a, n) => policy.canReadNotice(a, otherCompound, placesOf(n)), { district: T, street: T, communityStaff: T, committee: F, property: F, gridWorker: F, owner: F, otherStaff: F, system: T }],
  ['read community-wide', (a, n) => policy.canReadNotice(a, communityWide, placesOf(n)), { district: T, street: T, communityStaff: T, committee: T, property: T, gridWorker: T, owner: T, otherStaff: F, system: T }],
  ['object to published', (a, n) => policy.canObject(a, published, placesOf(n)), { district: F, street: F, communityStaff: F, committee: F, property: F, gridWorker: F, owner: T, otherStaff: F, system: F }],
  ['object to compound 2', (a, n) => policy.canObject(a, otherCompound, placesOf(n)), { district: F, street: F, communityStaff: F, committee: F, property: F, gridWorker: F, owner: F, otherStaff: F, system: F }],
  ['answer objections (community)', (a) => policy.canAnswerObjections(a, published), { district: T, street: T, communityStaff: T, committee: F, property: F, gridWorker: F, owner: F, otherStaff: F, system: T }],
  ['edit settings', (a) => policy.canEditSettings(a, C), { district: T, street: T, communityStaff: T, committee: F, property: F, gridWorker: F, owner: F, otherStaff: F, system: T }],
  ['read settings', (a) => policy.canReadSettings(a, C), { district: T, street: T, communityStaff: T, committee: T, property: T, gridWorker: T, owner: F, otherStaff: F, system: T }],
];

describe.each(table)('%s', (_ability, can, expected) => {
  it.each(Object.entries(expected))('%s → %s', (name, allowed) => {
    expect(can(actors[name], name)).toBe(allowed);
  });
});

describe('publicly', () => {
  it('reads published notices only', () => {
    expect(policy.canReadPublicly(published)).toBe(true);
    expect(policy.canReadPublicly(communityDraft)).toBe(false);
  });
});

describe('abilities', () => {
  const start = new Date('2025-03-03T00:00:00Z');
  const timed = { ...published, ...scheduleNotice(start, 7, 7) };
  const during = new Date('2025-03-05T00:00:00Z');
  const after = new Date('2025-03-11T00:00:00Z');

  it('offers staff the actions of the state', () => {
    const draftAbilities = policy.noticeAbilities(actors.communityStaff, { ...communityDraft, postingStartsAt: null, postingEndsAt: null, objectionEndsAt: null }, policy.NO_PLACES, null, during);
    expect(draftAbilities).toEqual({ edit: T, publish: T, uploadAttachment: T, uploadProof: F, correct: F, seeObjections: T, answerObjections: F, object: F });
    expect(policy.noticeAbilities(actors.communityStaff, timed, policy.NO_PLACES, null, during))
      .toEqual({ edit: F, publish: F, uploadAttachment: F, uploadProof: T, correct: T, seeObjections: T, answerObjections: T, object: F });
    expect(policy.noticeAbilities(actors.communityStaff, timed, policy.NO_PLACES, 'n2', during).correct).toBe(false);
  });

  it('lets a resident object only while the window is open', () => {
    expect(policy.noticeAbilities(actors.owner, timed, places.owner, null, during).object).toBe(true);
    expect(policy.noticeAbilities(actors.owner, timed, places.owner, null, after).object).toBe(false);
    expect(policy.noticeAbilities(actors.owner, timed, places.owner, 'n2', during).object).toBe(false);
  });
});
