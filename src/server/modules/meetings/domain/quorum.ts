import type { MeetingKind, Party } from '../../../../contracts/meetings.ts';
import { DEFAULT_JOINT_QUORUM, MEETING_KINDS } from './meeting-kinds.ts';

// Whether a meeting had its quorum, by its kind's rule. Pure: the caller counts who was present.

/** A party-based quorum: at least minParties voting parties present, and each required one among them. */
export interface PartyQuorumRule {
  minParties: number;
  requiredParties: Party[];
}

export interface AttendanceFacts {
  /** voting representatives present, per party */
  presentByParty: Partial<Record<Party, number>>;
  /** for member-based kinds: the body's members, and how many of them are present */
  members?: { total: number; present: number };
}

export interface QuorumResult {
  met: boolean;
  rule: 'parties' | 'members_more_than_half';
  /** parties: voting parties present / needed; members: members present / needed */
  present: number;
  needed: number;
  /** members: the body's size the count is taken against; parties: the kind's voting parties */
  of: number;
  presentParties: Party[];
  /** required parties with nobody present */
  missingParties: Party[];
  explanation: string;
}

/**
 * Evaluates the kind's quorum. For the joint meeting `configured` is the community's rule (by
 * default all four parties); other party-based kinds need every one of their parties. An owners'
 * committee needs MORE than half of its members: exactly half is not a quorum.
 */
export function evaluateQuorum(kind: MeetingKind, facts: AttendanceFacts, configured: PartyQuorumRule = DEFAULT_JOINT_QUORUM): QuorumResult {
  const rule = MEETING_KINDS[kind];
  const presentParties = rule.votingParties.filter((p) => (facts.presentByParty[p] ?? 0) > 0);
  if (rule.quorum === 'members_more_than_half') {
    const total = facts.members?.total ?? 0;
    const present = Math.min(facts.members?.present ?? 0, total);
    const needed = Math.floor(total / 2) + 1;
    const met = total > 0 && present >= needed;
    return {
      met,
      rule: 'members_more_than_half',
      present,
      needed,
      of: total,
      presentParties,
      missingParties: [],
      explanation: total === 0
        ? 'the body has no current members, so there can be no quorum'
        : `${present} of ${total} members present; more than half (at least ${needed}) are needed`,
    };
  }
  const quorumRule = rule.quorumConfigurable
    ? { minParties: Math.min(configured.minParties, rule.votingParties.length), requiredParties: configured.requiredParties.filter((p) => rule.votingParties.includes(p)) }
    : { minParties: rule.votingParties.length, requiredParties: [...rule.votingParties] };
  const missingParties = quorumRule.requiredParties.filter((p) => !presentParties.includes(p));
  const met = presentParties.length >= quorumRule.minParties && missingParties.length === 0;
  return {
    met,
    rule: 'parties',
    present: presentParties.length,
    needed: quorumRule.minParties,
    of: rule.votingParties.length,
    presentParties,
    missingParties,
    explanation: `${presentParties.length} of ${rule.votingParties.length} parties present; ${quorumRule.minParties} needed`
      + (missingParties.length ? `; required but absent: ${missingParties.join(', ')}` : ''),
  };
}
