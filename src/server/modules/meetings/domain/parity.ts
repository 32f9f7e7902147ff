import type { MeetingKind, Party } from '../../../../contracts/meetings.ts';
import { MEETING_KINDS } from './meeting-kinds.ts';

// The 1:1 parity check of the joint meeting: each party sends as many voting representatives as
// every other. A mismatch is a warning shown with the meeting, never a refusal: a party may be
// short-handed on the day, and the meeting still has to happen.

export interface MeetingWarning {
  code: 'parity_invited' | 'parity_present';
  message: string;
  details: { counts: Partial<Record<Party, number>> };
}

export interface RepresentativeFacts {
  party: Party;
  voting: boolean;
  present: boolean | null;
}

function check(kind: MeetingKind, reps: readonly RepresentativeFacts[], which: 'invited' | 'present'): MeetingWarning | null {
  const parties = MEETING_KINDS[kind].votingParties;
  const counts = Object.fromEntries(parties.map((p) => [
    p,
    reps.filter((r) => r.voting && r.party === p && (which === 'invited' || r.present === true)).length,
  ])) as Record<Party, number>;
  const distinct = new Set(Object.values(counts));
  if (distinct.size <= 1) return null;
  const listed = parties.map((p) => `${p} ${counts[p]}`).join(', ');
  return {
    code: which === 'invited' ? 'parity_invited' : 'parity_present',
    message: `The parties ${which === 'invited' ? 'invited' : 'present'} unequal numbers of voting representatives (${listed}); parity is 1:1`,
    details: { counts },
  };
}

/** Warnings about parity: of the invited representatives always, of those present once attendance is taken. */
export function parityWarnings(kind: MeetingKind, reps: readonly RepresentativeFacts[], attendanceTaken: boolean): MeetingWarning[] {
  if (!MEETING_KINDS[kind].parityCheck) return [];
  const warnings = [check(kind, reps, 'invited')];
  if (attendanceTaken) warnings.push(check(kind, reps, 'present'));
  return warnings.filter((w): w is MeetingWarning => w !== null);
}
