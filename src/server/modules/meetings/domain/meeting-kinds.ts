import type { MeetingKind, Party } from '../../../../contracts/meetings.ts';

// The kinds of meeting and their rules, as a typed table (OpenSlides habit: workflows are data).
// Commands, the quorum and conclusion functions and the policy read this table; nothing else
// branches on the kind's name.

export const FOUR_PARTIES = ['party_org', 'residents_committee', 'owners_committee', 'property_company'] as const satisfies readonly Party[];

export interface MeetingKindRule {
  label: { zh: string; en: string };
  /** a community's meeting, or one compound's (the owners' committee of that compound) */
  level: 'community' | 'compound';
  /** the parties whose representatives take positions and sign */
  votingParties: readonly Party[];
  /** parties invited to speak without a vote (owners' representatives at the joint meeting) */
  observerParties: readonly Party[];
  /**
   * Who holds a position on an agenda item: each party as a body (any of its present
   * representatives speaks for it), or each member in person.
   */
  votesBy: 'party' | 'member';
  /**
   * parties: a quorum is a number of voting parties present (the community may configure it for
   * the joint meeting); members_more_than_half: more than half of the body's members present.
   */
  quorum: 'parties' | 'members_more_than_half';
  /** whether the community's meeting settings may change the quorum */
  quorumConfigurable: boolean;
  /** whether one representative may act for another; false = every member acts in person only */
  proxies: boolean;
  /** warn when the parties send different numbers of voting representatives (1:1 parity) */
  parityCheck: boolean;
  /** who must sign the minutes before they lock */
  signers: 'each_present_party' | 'each_present_member';
  /** who convenes it: community staff and overseers, or the compound's owners' committee */
  organisers: 'community' | 'compound_committee';
}

export const MEETING_KINDS: Record<MeetingKind, MeetingKindRule> = {
  joint: {
    label: { zh: '四方联席会议', en: 'Joint meeting of the four parties' },
    level: 'community',
    votingParties: FOUR_PARTIES,
    observerParties: ['owners_representative'],
    votesBy: 'party',
    quorum: 'parties',
    quorumConfigurable: true,
    proxies: true,
    parityCheck: true,
    signers: 'each_present_party',
    organisers: 'community',
  },
  two_committees: {
    label: { zh: '两委会议', en: 'Meeting of the two committees' },
    level: 'community',
    votingParties: ['party_org', 'residents_committee'],
    observerParties: [],
    votesBy: 'party',
    quorum: 'parties',
    quorumConfigurable: false,
    proxies: true,
    parityCheck: true,
    signers: 'each_present_party',
    organisers: 'community',
  },
  owners_committee: {
    label: { zh: '业主委员会会议', en: "Owners' committee meeting" },
    level: 'compound',
    votingParties: ['owners_committee'],
    observerParties: [],
    votesBy: 'member',
    quorum: 'members_more_than_half',
    quorumConfigurable: false,
    proxies: false,
    parityCheck: false,
    signers: 'each_present_member',
    organisers: 'compound_committee',
  },
};

export const kindRule = (kind: MeetingKind): MeetingKindRule => MEETING_KINDS[kind];

/** The parties a kind invites at all: voting ones first, then observers. */
export const invitedParties = (kind: MeetingKind): Party[] => [...MEETING_KINDS[kind].votingParties, ...MEETING_KINDS[kind].observerParties];

export const isVotingParty = (kind: MeetingKind, party: Party) => MEETING_KINDS[kind].votingParties.includes(party);

/** The joint meeting's default quorum: all four parties present. */
export const DEFAULT_JOINT_QUORUM = { minParties: 4, requiredParties: [...FOUR_PARTIES] as Party[] };
