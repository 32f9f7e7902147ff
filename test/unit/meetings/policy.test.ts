import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/contracts/accounts.ts';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import * as policy from '../../../src/server/modules/meetings/meetings.policy.ts';

// The meetings policy on hand-built scopes: role × ability for each kind of meeting, without a
// database. A "seat" is the actor's representative row at the meeting.

const C = 'community-1';
const OTHER = 'community-2';
const compound = 'compound-1';
const joint = { id: 'm1', communityId: C, kind: 'joint' as const, compoundId: null };
const twoCommittees = { id: 'm2', communityId: C, kind: 'two_committees' as const, compoundId: null };
const committeeMeeting = { id: 'm3', communityId: C, kind: 'owners_committee' as const, compoundId: compound };
const otherCommittee = { id: 'm4', communityId: C, kind: 'owners_committee' as const, compoundId: 'compound-2' };

function staff(role: Role, build: (s: ReturnType<typeof emptyScope>) => void): Actor {
  const scope = emptyScope();
  build(scope);
  return { kind: 'staff', userId: 'u', username: role, displayName: role, grants: [{ role, scopeId: 'x' }], scope };
}

const actors: Record<string, Actor> = {
  district: staff('district_admin', (s) => { s.districts.add('d'); s.communities.set(C, new Set(['district_admin'])); }),
  street: staff('street_admin', (s) => s.communities.set(C, new Set(['street_admin']))),
  communityStaff: staff('community_staff', (s) => s.communities.set(C, new Set(['community_staff']))),
  gridWorker: staff('grid_worker', (s) => { s.grids.set('grid-1', C); s.compounds.set(compound, { communityId: C, roles: new Set(['grid_worker']) }); }),
  committee: staff('owners_committee', (s) => s.compounds.set(compound, { communityId: C, roles: new Set(['owners_committee']) })),
  property: staff('property_staff', (s) => s.compounds.set(compound, { communityId: C, roles: new Set(['property_staff']) })),
  owner: { kind: 'owner', phone: '13800000001', personIds: ['p'], scope: { ...emptyScope(), ownUnits: new Map([['unit-1', C]]) } },
  otherStaff: staff('community_staff', (s) => s.communities.set(OTHER, new Set(['community_staff']))),
  system: systemActor(),
};

type Row = [string, (a: Actor) => boolean, Record<string, boolean>];
const T = true;
const F = false;
const table: Row[] = [
  //                                              district street staff grid  cttee prop  owner other system
  ['organise joint', (a) => policy.canOrganise(a, joint), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: T }],
  ['organise two committees', (a) => policy.canOrganise(a, twoCommittees), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: T }],
  ["organise own owners' committee", (a) => policy.canOrganise(a, committeeMeeting), { district: F, street: F, communityStaff: F, gridWorker: F, committee: T, property: F, owner: F, otherStaff: F, system: T }],
  ["organise another owners' committee", (a) => policy.canOrganise(a, otherCommittee), { district: F, street: F, communityStaff: F, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: T }],
  ['read joint', (a) => policy.canReadMeeting(a, joint), { district: T, street: T, communityStaff: T, gridWorker: T, committee: T, property: T, owner: F, otherStaff: F, system: T }],
  ['read two committees', (a) => policy.canReadMeeting(a, twoCommittees), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: T }],
  ["read owners' committee", (a) => policy.canReadMeeting(a, committeeMeeting), { district: T, street: T, communityStaff: T, gridWorker: F, committee: T, property: F, owner: F, otherStaff: F, system: T }],
  ['read two committees, seated', (a) => policy.canReadMeeting(a, twoCommittees, true), { district: T, street: T, communityStaff: T, gridWorker: T, committee: T, property: T, owner: F, otherStaff: T, system: T }],
  ['see the calendar', (a) => policy.canSeeCalendar(a, C), { district: T, street: T, communityStaff: T, gridWorker: T, committee: T, property: T, owner: F, otherStaff: F, system: T }],
  ['edit settings', (a) => policy.canEditSettings(a, C), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: T }],
  // positions and sign-off are in person: no seat, no position, whatever the role (the installation included)
  ['record a position without a seat', (a) => policy.canRecordPosition(a, null), { district: F, street: F, communityStaff: F, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: F }],
  ['record a position with a voting seat', (a) => policy.canRecordPosition(a, { representativeId: 'r', party: 'property_company', voting: true, present: true }),
    { district: T, street: T, communityStaff: T, gridWorker: T, committee: T, property: T, owner: F, otherStaff: T, system: F }],
  ["record a position as owners' representative", (a) => policy.canRecordPosition(a, { representativeId: 'r', party: 'owners_representative', voting: false, present: true }),
    { district: F, street: F, communityStaff: F, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: F }],
];

describe.each(table)('%s', (_ability, can, expected) => {
  it.each(Object.entries(expected))('%s → %s', (name, allowed) => {
    expect(can(actors[name])).toBe(allowed);
  });
});

describe('meetingAbilities', () => {
  const seat = { representativeId: 'r', party: 'party_org' as const, voting: true, present: true };
  it('follows the meeting\u2019s state: organise until locked, conclude once held, addenda only after the lock', () => {
    const staffActor = actors.communityStaff;
    expect(policy.meetingAbilities(staffActor, joint, null, { held: false, locked: false })).toEqual({
      edit: T, invite: T, recordAttendance: T, recordPosition: F, conclude: F, editMinutes: T, signOff: F, addAddendum: F,
    });
    expect(policy.meetingAbilities(staffActor, joint, null, { held: true, locked: false })).toMatchObject({ conclude: T, addAddendum: F });
    expect(policy.meetingAbilities(staffActor, joint, null, { held: true, locked: true })).toEqual({
      edit: F, invite: F, recordAttendance: F, recordPosition: F, conclude: F, editMinutes: F, signOff: F, addAddendum: T,
    });
  });

  it('lets a present representative take positions and sign, and an absent one not', () => {
    const property = actors.property;
    expect(policy.meetingAbilities(property, joint, seat, { held: true, locked: false })).toMatchObject({ recordPosition: T, signOff: T, edit: F });
    expect(policy.meetingAbilities(property, joint, { ...seat, present: false }, { held: true, locked: false })).toMatchObject({ recordPosition: F, signOff: F });
    expect(policy.meetingAbilities(property, joint, seat, { held: false, locked: false })).toMatchObject({ recordPosition: F });
    expect(policy.meetingAbilities(property, joint, seat, { held: true, locked: true })).toMatchObject({ signOff: F, addAddendum: T });
    expect(policy.meetingAbilities(property, joint, null, { held: true, locked: true })).toMatchObject({ addAddendum: F });
  });
});
