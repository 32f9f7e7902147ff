import type { z } from 'zod';
import type { agendaItemView, MeetingKind, MeetingView, minutesPrintView, Party, Position } from '../../../contracts/meetings.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import type { ItemConclusion } from './domain/conclusion.ts';
import { invitedParties, MEETING_KINDS } from './domain/meeting-kinds.ts';
import { minutesDigest, requiredSigners, signOffState } from './domain/minutes.ts';
import { parityWarnings } from './domain/parity.ts';
import { refOf, seatFrom } from './meetings.access.ts';
import { meetingAbilities } from './meetings.policy.ts';
import { jointQuorumOf, meetingParts, minutesContent, quorumOf, type ItemRow, type MeetingParts, type MeetingRow, type RepresentativeRow } from './repo/meetings.ts';
import { communityName, compoundNames } from './repo/places.ts';

// Rows → the API's shapes. Nothing here decides a permission: abilities come from the policy.

type ItemView = z.infer<typeof agendaItemView>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function statusOf(m: MeetingRow): 'scheduled' | 'held' | 'locked' {
  return m.minutesLockedAt ? 'locked' : m.heldAt ? 'held' : 'scheduled';
}

/** Positions in the order of the voters: the kind's parties, or the members as invited. */
function voterRank(kind: MeetingKind, parts: MeetingParts): (voter: string) => number {
  const order: string[] = MEETING_KINDS[kind].votesBy === 'party' ? [...MEETING_KINDS[kind].votingParties] : parts.representatives.map((r) => r.id);
  return (voter) => order.indexOf(voter);
}

function itemView(kind: MeetingKind, item: ItemRow, parts: MeetingParts, abilities: ItemView['abilities']): ItemView {
  const names = new Map(parts.representatives.map((r) => [r.id, r.name]));
  const rank = voterRank(kind, parts);
  const detail = item.conclusionDetail as Pick<ItemConclusion, 'tally' | 'dissent'> | null;
  return {
    id: item.id,
    order: item.position,
    matterId: item.matterId,
    title: item.title,
    notes: item.notes,
    positions: parts.positions.filter((p) => p.itemId === item.id).sort((a, b) => rank(a.voterKey) - rank(b.voterKey)).map((p) => ({
      voter: p.voterKey,
      party: p.party as Party,
      representativeId: p.representativeId,
      name: names.get(p.representativeId) ?? '',
      position: p.position as Position,
      reason: p.reason,
      recordedAt: p.recordedAt.toISOString(),
    })),
    conclusion: item.conclusion && item.concludedAt && detail
      ? {
        result: item.conclusion,
        direction: item.direction as 'support' | 'object' | null,
        escalate: item.conclusion === 'no_consensus',
        note: item.conclusionNote,
        concludedAt: item.concludedAt.toISOString(),
        tally: detail.tally,
        dissent: detail.dissent,
      }
      : null,
    abilities,
  };
}

const representativeView = (r: RepresentativeRow, userId: string | null) => ({
  id: r.id,
  party: r.party as Party,
  voting: r.voting,
  personId: r.personId,
  name: r.name,
  role: r.role,
  company: r.companyId ? { id: r.companyId, name: r.companyName ?? '' } : null,
  userId: r.userId,
  isYou: userId !== null && r.userId === userId,
  present: r.present,
});

/** The minutes' sign-off state and the record around it, shared by the meeting view and the print view. */
async function record(db: Db, meeting: MeetingRow) {
  const kind = meeting.kind as MeetingKind;
  const [parts, jointRule] = await Promise.all([meetingParts(db, meeting), jointQuorumOf(db, meeting.communityId)]);
  const quorum = quorumOf(meeting, parts.representatives, jointRule);
  const digest = minutesDigest(minutesContent(meeting, parts));
  const signOff = signOffState(requiredSigners(kind, parts.representatives), parts.signatures.map((s) => ({ signerKey: s.signerKey, digest: s.digest })), digest);
  const names = new Map(parts.representatives.map((r) => [r.id, r.name]));
  const signatures = parts.signatures.map((s) => ({
    id: s.id,
    signerKey: s.signerKey,
    party: s.party as Party,
    representativeId: s.representativeId,
    name: names.get(s.representativeId) ?? '',
    signedAt: s.signedAt.toISOString(),
    digest: s.digest,
    current: s.digest === digest,
  }));
  const addenda = parts.addenda.map((a) => ({
    id: a.id, seq: a.seq, text: a.text, authorLabel: a.authorLabel, representativeId: a.representativeId, createdAt: a.createdAt.toISOString(), digest: a.digest,
  }));
  const compound = meeting.compoundId ? { id: meeting.compoundId, name: (await compoundNames(db, [meeting.compoundId])).get(meeting.compoundId) ?? '' } : null;
  return { kind, parts, quorum, digest, signOff, signatures, addenda, compound };
}

export async function toMeetingView(db: Db, actor: Actor, meeting: MeetingRow, seat: RepresentativeRow | null): Promise<MeetingView> {
  const { kind, parts, quorum, digest, signOff, signatures, addenda, compound } = await record(db, meeting);
  const ref = refOf(meeting);
  const abilities = meetingAbilities(actor, ref, seatFrom(seat), { held: meeting.heldAt !== null, locked: meeting.minutesLockedAt !== null });
  const reps = parts.representatives;
  const userId = actor.kind === 'staff' ? actor.userId : null;
  return {
    id: meeting.id,
    communityId: meeting.communityId,
    kind,
    kindLabel: MEETING_KINDS[kind].label,
    compound,
    seriesId: meeting.seriesId,
    title: meeting.title,
    scheduledAt: meeting.scheduledAt.toISOString(),
    location: meeting.location,
    status: statusOf(meeting),
    heldAt: iso(meeting.heldAt),
    quorum,
    allVotingPartiesPresent: MEETING_KINDS[kind].votingParties.every((p) => quorum.presentParties.includes(p)),
    committeeSize: meeting.committeeSize,
    warnings: parityWarnings(kind, reps.map((r) => ({ party: r.party as Party, voting: r.voting, present: r.present })), meeting.heldAt !== null),
    representatives: reps.map((r) => representativeView(r, userId)),
    agenda: parts.items.map((i) => itemView(kind, i, parts, { recordPosition: abilities.recordPosition, conclude: abilities.conclude })),
    minutes: {
      text: meeting.minutesText,
      updatedAt: iso(meeting.minutesUpdatedAt),
      digest,
      lockedAt: iso(meeting.minutesLockedAt),
      signers: signOff.slots,
      signatures,
      addenda,
    },
    abilities,
  };
}

/** The printed minutes: who came per party, each item with positions and conclusion, the text, the current signatures and the addenda. */
export async function toMinutesPrint(db: Db, meeting: MeetingRow): Promise<z.infer<typeof minutesPrintView>> {
  const { kind, parts, quorum, digest, signatures, addenda, compound } = await record(db, meeting);
  const none = { recordPosition: false, conclude: false };
  return {
    community: { id: meeting.communityId, name: (await communityName(db, meeting.communityId)) ?? '' },
    compound,
    meetingId: meeting.id,
    kind,
    kindLabel: MEETING_KINDS[kind].label,
    title: meeting.title,
    scheduledAt: meeting.scheduledAt.toISOString(),
    heldAt: iso(meeting.heldAt),
    location: meeting.location,
    attendance: invitedParties(kind).map((party) => ({
      party,
      voting: MEETING_KINDS[kind].votingParties.includes(party),
      people: parts.representatives.filter((r) => r.party === party).map((r) => ({ name: r.name, role: r.role, company: r.companyName, present: r.present })),
    })),
    quorum,
    agenda: parts.items.map((i) => {
      const { abilities: _, ...view } = itemView(kind, i, parts, none);
      return view;
    }),
    text: meeting.minutesText,
    // in the order of the parties on the signature block, however the signing went
    signatures: signatures.filter((s) => s.current).sort((a, b) => invitedParties(kind).indexOf(a.party) - invitedParties(kind).indexOf(b.party) || a.signedAt.localeCompare(b.signedAt)),
    lockedAt: iso(meeting.minutesLockedAt),
    digest,
    addenda,
  };
}
