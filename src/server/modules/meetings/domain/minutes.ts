import { createHash } from 'node:crypto';
import type { MeetingKind, Party, Position } from '../../../../contracts/meetings.ts';
import { MEETING_KINDS } from './meeting-kinds.ts';

// Minutes sign-off. A signature is given to a digest of the record as it stood (the minutes
// text, attendance, and each item's notes, positions and conclusion). If the record changes
// after someone signed, their signature no longer matches and they sign again; the minutes lock
// once every required signer holds a signature on the CURRENT digest. Pure.

export interface MinutesContent {
  meetingId: string;
  minutesText: string;
  attendance: { representativeId: string; present: boolean | null }[];
  items: {
    id: string;
    order: number;
    matterId: string | null;
    title: string;
    notes: string;
    conclusion: string | null;
    direction: string | null;
    positions: { voter: string; position: Position; reason: string }[];
  }[];
}

/** JSON with keys sorted at every depth, so equal content always hashes equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function minutesDigest(content: MinutesContent): string {
  const normal = {
    ...content,
    attendance: [...content.attendance].sort(byKey((a) => a.representativeId)),
    items: [...content.items].sort((a, b) => a.order - b.order).map((i) => ({ ...i, positions: [...i.positions].sort(byKey((p) => p.voter)) })),
  };
  return createHash('sha256').update(canonicalJson(normal)).digest('hex');
}

/** An addendum's hash chains to the one before it (or to the locked minutes' digest). */
export function addendumDigest(previous: string, text: string, author: string, at: string): string {
  return createHash('sha256').update(canonicalJson({ previous, text, author, at })).digest('hex');
}

export interface SignerFacts {
  id: string;
  party: Party;
  voting: boolean;
  present: boolean | null;
}

export interface SignerSlot {
  /** the party (party-based kinds) or the member's representative id */
  key: string;
  party: Party;
  /** representatives who may sign for this slot */
  representativeIds: string[];
}

/** The key a representative signs (and takes positions) under. */
export function voterKeyOf(kind: MeetingKind, rep: { id: string; party: Party }): string {
  return MEETING_KINDS[kind].votesBy === 'party' ? rep.party : rep.id;
}

/** Who must sign: each voting party with someone present, or each member present. Absent parties do not sign. */
export function requiredSigners(kind: MeetingKind, reps: readonly SignerFacts[]): SignerSlot[] {
  const present = reps.filter((r) => r.voting && r.present === true);
  if (MEETING_KINDS[kind].signers === 'each_present_member') {
    return present.map((r) => ({ key: r.id, party: r.party, representativeIds: [r.id] }));
  }
  return MEETING_KINDS[kind].votingParties
    .map((party) => ({ key: party, party, representativeIds: present.filter((r) => r.party === party).map((r) => r.id) }))
    .filter((slot) => slot.representativeIds.length > 0);
}

export interface SignOffState {
  slots: (SignerSlot & { signed: boolean })[];
  complete: boolean;
}

export function signOffState(slots: readonly SignerSlot[], signatures: readonly { signerKey: string; digest: string }[], digest: string): SignOffState {
  const signed = new Set(signatures.filter((s) => s.digest === digest).map((s) => s.signerKey));
  const withState = slots.map((s) => ({ ...s, signed: signed.has(s.key) }));
  return { slots: withState, complete: withState.length > 0 && withState.every((s) => s.signed) };
}
