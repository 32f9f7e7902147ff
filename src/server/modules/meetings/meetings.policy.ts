import type { Role } from '../../../contracts/accounts.ts';
import type { MeetingAbilities, MeetingKind, Party } from '../../../contracts/meetings.ts';
import type { Actor } from '../../platform/actor.ts';
import { hasCommunityRole, hasCompoundRole } from '../../platform/actor.ts';
import { registryPolicy } from '../registry/index.ts';
import { MEETING_KINDS } from './domain/meeting-kinds.ts';

// Every ability of the meetings module, default deny, in this one file. Everything here is in
// memory: the actor's scope was resolved with the session, and the actor's seat at a meeting
// (the representative row linked to their account, if any) is looked up by meetings.access.ts.
//
// - Organise (agenda, invitations, attendance, conclusions, minutes): community staff and the
//   street and district admins over the community; for an owners' committee meeting, the
//   compound's owners' committee members (the committee governs itself; overseers read).
// - Positions and sign-off: only the representative in person — the logged-in staff user linked
//   to a present voting representative. Nobody records them on another's behalf.
// - Read: organisers, the community's overseers, the meeting's representatives; a joint meeting
//   also everyone whose scope reaches the community (owners' committees, property staff, grid
//   workers). Owners (phone login) read none (yet). Outside that: 404.

export interface MeetingRef {
  id: string;
  communityId: string;
  kind: MeetingKind;
  compoundId: string | null;
}

/** The actor's representative row at one meeting. */
export interface Seat {
  representativeId: string;
  party: Party;
  voting: boolean;
  present: boolean | null;
}

export interface MeetingState {
  held: boolean;
  locked: boolean;
}

const OVERSEERS: Role[] = ['district_admin', 'street_admin', 'community_staff'];

/** Convene and run a meeting (or series) of this kind for this community or compound. */
export function canOrganise(actor: Actor, m: Omit<MeetingRef, 'id'>): boolean {
  if (actor.kind === 'owner') return false;
  if (MEETING_KINDS[m.kind].organisers === 'compound_committee') {
    return m.compoundId !== null && hasCompoundRole(actor, m.compoundId, 'owners_committee');
  }
  return hasCommunityRole(actor, m.communityId, ...OVERSEERS);
}

/**
 * Look up the staff accounts of the community to link to a representative: those who invite
 * (the list names staff and their roles, which readers of the meeting need not see).
 */
export const canFindRepresentativeAccounts = canOrganise;

/** Read a meeting, its minutes and its series. `seated`: the actor is one of the meeting's representatives. */
export function canReadMeeting(actor: Actor, m: Omit<MeetingRef, 'id'>, seated = false): boolean {
  if (actor.kind === 'owner') return false;
  if (canOrganise(actor, m) || seated) return true;
  if (hasCommunityRole(actor, m.communityId, ...OVERSEERS)) return true;
  return m.kind === 'joint' && registryPolicy.reachesCommunity(actor, m.communityId);
}

/** See a community's meeting calendar at all (entries are then filtered by canReadMeeting). */
export function canSeeCalendar(actor: Actor, communityId: string): boolean {
  return actor.kind !== 'owner' && registryPolicy.reachesCommunity(actor, communityId);
}

/** Change the community's meeting rules (the joint meeting's quorum). */
export function canEditSettings(actor: Actor, communityId: string): boolean {
  return actor.kind !== 'owner' && hasCommunityRole(actor, communityId, ...OVERSEERS);
}

export const canReadSettings = canSeeCalendar;

/** A party's position, or a member's own: the linked staff user of a voting representative. */
export function canRecordPosition(actor: Actor, seat: Seat | null): boolean {
  return actor.kind === 'staff' && seat !== null && seat.voting;
}

/** Sign the minutes for one's party (or oneself, as a member): same people as positions. */
export const canSignMinutes = canRecordPosition;

/** An addendum to locked minutes: the organisers or any representative of the meeting, each signing their own. */
export function canAddAddendum(actor: Actor, m: MeetingRef, seat: Seat | null): boolean {
  return actor.kind === 'staff' ? canOrganise(actor, m) || seat !== null : canOrganise(actor, m);
}

/** What the UI may offer, with the meeting's state applied (the commands check the state again). */
export function meetingAbilities(actor: Actor, m: MeetingRef, seat: Seat | null, state: MeetingState): MeetingAbilities {
  const organise = canOrganise(actor, m) && !state.locked;
  const inPerson = canRecordPosition(actor, seat) && seat?.present === true && state.held && !state.locked;
  return {
    edit: organise,
    invite: organise,
    recordAttendance: organise,
    recordPosition: inPerson,
    conclude: organise && state.held,
    editMinutes: organise,
    signOff: inPerson,
    addAddendum: state.locked && canAddAddendum(actor, m, seat),
  };
}
