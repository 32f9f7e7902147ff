/**
 * Which ballot speaks for each voting subject, and why (owners-vote.md §3.2, §4, §7).
 * Decisions and elections share this: a ballot's content is a choice or a set of marks.
 */
import type { CoOwnerConflict } from './presets.ts';
import { compareText, subjectLabel, type VotingSubject } from './subjects.ts';

export const CHOICES = ['for', 'against', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export interface Ballot<Content> {
  voter: string;
  content: Content;
}

/** Why a subject counts as it does. Stable codes: results and the web client key on them. */
export type SubjectReason =
  | 'sole-owner'
  | 'named-voter'
  | 'co-owners-agree'
  | 'co-owner-conflict-abstain'
  | 'co-owner-conflict-void'
  | 'no-ballot'
  | 'silent-deemed';

/** Why one returned ballot was or was not counted for a subject. */
export type BallotReason = 'counted' | 'co-owner-conflict' | 'co-owner-not-named-voter';

export interface BallotNote<Content> {
  voter: string;
  content: Content;
  counted: boolean;
  reason: BallotReason;
}

export interface SubjectVote<Content> {
  subject: VotingSubject;
  /** what the subject counts as; undefined when it does not take part */
  counted?: Content;
  reason: SubjectReason;
  ballots: BallotNote<Content>[];
}

export interface BallotRules<Content> {
  coOwnerConflict: CoOwnerConflict;
  /** whether two ballots say the same thing */
  same: (a: Content, b: Content) => boolean;
  /** what a subject counts as when its co-owners conflict under 'abstain' */
  abstention: Content;
}

/**
 * One subject, one voice. A single representative's ballot counts as cast. Several
 * representatives (co-owners without a named voter) count when their returned ballots agree;
 * when they disagree the coOwnerConflict option decides: 'abstain' takes part without consent,
 * 'void' does not take part. Ballots from owners who do not represent the subject (a co-owner
 * who is not the named voter) are listed as not counted.
 */
export function resolveSubjectVotes<Content>(
  subjects: VotingSubject[],
  ballots: Ballot<Content>[],
  rules: BallotRules<Content>,
): SubjectVote<Content>[] {
  const byVoter = new Map(ballots.map((ballot) => [ballot.voter, ballot]));
  return subjects.map((subject) => {
    const fromRepresentatives = subject.representatives
      .map((id) => byVoter.get(id))
      .filter((ballot): ballot is Ballot<Content> => ballot !== undefined);
    const fromOtherOwners = subject.owners
      .filter((id) => !subject.representatives.includes(id))
      .map((id) => byVoter.get(id))
      .filter((ballot): ballot is Ballot<Content> => ballot !== undefined);

    const ignored = fromOtherOwners.map((ballot): BallotNote<Content> => ({
      ...note(ballot, false),
      reason: 'co-owner-not-named-voter',
    }));
    const vote = countFor(subject, fromRepresentatives, rules);
    return { ...vote, ballots: [...vote.ballots, ...ignored].sort((a, b) => compareText(a.voter, b.voter)) };
  });
}

function countFor<Content>(
  subject: VotingSubject,
  returned: Ballot<Content>[],
  rules: BallotRules<Content>,
): SubjectVote<Content> {
  if (returned.length === 0) return { subject, reason: 'no-ballot', ballots: [] };
  const [first] = returned;
  if (subject.representatives.length === 1) {
    return {
      subject,
      counted: first.content,
      reason: subject.namedVoterUnits.length > 0 ? 'named-voter' : 'sole-owner',
      ballots: [note(first, true)],
    };
  }
  if (returned.every((ballot) => rules.same(ballot.content, first.content))) {
    return { subject, counted: first.content, reason: 'co-owners-agree', ballots: returned.map((b) => note(b, true)) };
  }
  const ballots = returned.map((ballot): BallotNote<Content> => ({
    ...note(ballot, false),
    reason: 'co-owner-conflict',
  }));
  return rules.coOwnerConflict === 'abstain'
    ? { subject, counted: rules.abstention, reason: 'co-owner-conflict-abstain', ballots }
    : { subject, reason: 'co-owner-conflict-void', ballots };
}

function note<Content>(ballot: Ballot<Content>, counted: boolean): BallotNote<Content> {
  return { voter: ballot.voter, content: ballot.content, counted, reason: 'counted' };
}

/** One English sentence for a subject's reason; `describe` renders a choice or a set of marks. */
export function explainSubject<Content>(
  vote: SubjectVote<Content>,
  describe: (content: Content) => string,
  silentVotesClause?: string,
): string {
  const { subject } = vote;
  const who = subjectLabel(subject);
  const units = subject.units.map((unit) => unit.id).join(', ');
  const developer = subject.developer ? "The developer's units count together as one owner. " : '';
  const as = vote.counted === undefined ? '' : describe(vote.counted);
  switch (vote.reason) {
    case 'sole-owner':
      return `${developer}${who} holds ${units} and returned a ballot, which counts: ${as}.`;
    case 'named-voter':
      return `${developer}${who} is the named voter for co-owned ${subject.namedVoterUnits.join(', ')}; that ballot counts for ${units}: ${as}.`;
    case 'co-owners-agree':
      return `${developer}The co-owners ${who} named no voter; the ballots they returned agree, so ${units} count as ${as}.`;
    case 'co-owner-conflict-abstain':
      return `${developer}The co-owners ${who} named no voter and returned conflicting ballots; under coOwnerConflict "abstain" ${units} take part without consenting.`;
    case 'co-owner-conflict-void':
      return `${developer}The co-owners ${who} named no voter and returned conflicting ballots; under coOwnerConflict "void" ${units} do not take part.`;
    case 'no-ballot':
      return `${developer}${who} returned no ballot, so ${units} do not take part.`;
    case 'silent-deemed':
      return `${developer}${who} returned no ballot; under silent votes (${silentVotesClause ?? 'rules of procedure'}) ${units} are deemed to take part on the majority side: ${as}.`;
  }
}

/** One English sentence for a ballot that was returned for a subject. */
export function explainBallot<Content>(ballot: BallotNote<Content>, subject: VotingSubject): string {
  switch (ballot.reason) {
    case 'counted':
      return `${ballot.voter}'s ballot counts for ${subject.units.map((unit) => unit.id).join(', ')}.`;
    case 'co-owner-conflict':
      return `${ballot.voter}'s ballot conflicts with another co-owner's and is not counted as cast.`;
    case 'co-owner-not-named-voter':
      return `${ballot.voter} co-owns a unit of ${subjectLabel(subject)} but is not its named voter; the ballot does not count for it.`;
  }
}
