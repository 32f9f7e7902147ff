/**
 * Committee elections (owners-vote.md §5): the same subjects, the same participation quorum, and
 * per candidate the preset's ordinary approval (more than 1/2 of the participating area AND heads
 * under the Civil Code). Seats go by rank; a full tie on the last seat is reported, never broken.
 */
import { resolveSubjectVotes, type SubjectVote } from './ballots.ts';
import { resolveOptions, ruleFor, type CountingRule, type PresetId, type VoteOptions } from './presets.ts';
import type { ElectionRecord } from './record.ts';
import {
  approvalBaseFigures,
  approvalReport,
  excludedUnitsReport,
  figuresOf,
  NO_FIGURES,
  participationReport,
  subjectReport,
  type ApprovalReport,
  type ExcludedUnitReport,
  type Figures,
  type ParticipationReport,
} from './report.ts';
import { formatCenti } from './area.ts';
import { ok, type Result } from './result.ts';
import { buildSubjects, compareText } from './subjects.ts';
import { checkVoteRecord } from './validate.ts';

export interface CandidateReport {
  id: string;
  area: string;
  heads: number;
  passed: boolean;
  approval: ApprovalReport;
}

export type ElectionSubjectReport = ReturnType<typeof reportSubject>;

export interface ElectionResult {
  kind: 'election';
  preset: PresetId;
  options: VoteOptions;
  seats: number;
  participation: ParticipationReport;
  /** every candidate, in rank order: heads, then area (then id, for display only) */
  candidates: CandidateReport[];
  elected: string[];
  /** passed the thresholds but got no seat, in rank order */
  alternates: string[];
  /** seats no passing candidate is left for: they go to a by-election */
  unfilled: number;
  /** candidates fully tied for the last seat(s): those seats go to a re-vote */
  tie: string[];
  /** how many seats the tie blocks */
  tiedSeats: number;
  excludedUnits: ExcludedUnitReport[];
  subjects: ElectionSubjectReport[];
}

interface CandidateTally {
  id: string;
  support: Figures;
  passed: boolean;
  approval: ApprovalReport;
}

export function tallyElection(record: ElectionRecord): Result<ElectionResult> {
  const checked = checkVoteRecord(record);
  if (!checked.ok) return checked;
  const { preset } = record.rule;
  const options = resolveOptions(preset, record.rule.options, 'election');
  if (!options.ok) return options;
  const rule = ruleFor(preset, 'ordinary', options.value);

  const votes = electionVotes(record, options.value);
  const outcome = decideElection({ preset, options: options.value, seats: record.seats, candidates: record.candidates }, electionFiguresOf(votes, record.candidates));
  return ok({
    ...outcome,
    excludedUnits: excludedUnitsReport(record.units, options.value.parkingInVotingArea),
    subjects: votes.map((vote) => reportSubject(rule, vote)),
  });
}

function electionVotes(record: Pick<ElectionRecord, 'units' | 'ballots'>, options: VoteOptions): SubjectVote<string[]>[] {
  const subjects = buildSubjects(record.units, options.parkingInVotingArea);
  const ballots = record.ballots.map((ballot) => ({ ...ballot, content: [...ballot.content].sort(compareText) }));
  // A co-owner conflict under 'abstain' is a blank ballot: it takes part and supports nobody.
  return resolveSubjectVotes(subjects, ballots, {
    coOwnerConflict: options.coOwnerConflict,
    same: (a, b) => a.length === b.length && a.every((mark, index) => mark === b[index]),
    abstention: [],
  });
}

/** The subject reports of part of an election record (some subjects' units and ballots), as the full tally reports them. */
export function electionSubjectsOf(record: Pick<ElectionRecord, 'rule' | 'units' | 'ballots'>): Result<ElectionSubjectReport[]> {
  const options = resolveOptions(record.rule.preset, record.rule.options, 'election');
  if (!options.ok) return options;
  const rule = ruleFor(record.rule.preset, 'ordinary', options.value);
  return ok(electionVotes(record, options.value).map((vote) => reportSubject(rule, vote)));
}

/** What an election is decided on: summed figures of all subjects, of those taking part, and of each candidate's supporters. */
export interface ElectionFigures {
  total: Figures;
  participating: Figures;
  support: Map<string, Figures>;
}

export function electionFiguresOf(votes: SubjectVote<string[]>[], candidates: string[]): ElectionFigures {
  return {
    total: figuresOf(votes.map((vote) => vote.subject)),
    participating: figuresOf(votes.filter((vote) => vote.counted !== undefined).map((vote) => vote.subject)),
    support: new Map(candidates.map((id) => [id, figuresOf(votes.filter((vote) => vote.counted?.includes(id)).map((vote) => vote.subject))])),
  };
}

export type ElectionOutcome = Omit<ElectionResult, 'excludedUnits' | 'subjects'>;

/** The election from the figures alone (the platform's database may do the summing). */
export function decideElection(spec: { preset: PresetId; options: VoteOptions; seats: number; candidates: string[] }, figures: ElectionFigures): ElectionOutcome {
  const rule = ruleFor(spec.preset, 'ordinary', spec.options);
  const participation = participationReport(rule, figures.participating, figures.total);
  const base = approvalBaseFigures(rule, { participating: figures.participating, total: figures.total, cast: figures.participating });
  const ranked = spec.candidates.map((id) => tallyCandidate(rule, id, figures.support.get(id) ?? NO_FIGURES, base, participation.met)).sort(byRank);
  const seats = assignSeats(ranked.filter((candidate) => candidate.passed), spec.seats);
  return {
    kind: 'election',
    preset: spec.preset,
    options: spec.options,
    seats: spec.seats,
    participation,
    candidates: ranked.map(({ id, support, passed, approval }) => ({
      id,
      area: formatCenti(support.area),
      heads: Number(support.heads),
      passed,
      approval,
    })),
    ...seats,
  };
}

function tallyCandidate(rule: CountingRule, id: string, support: Figures, base: Figures, quorumMet: boolean): CandidateTally {
  const approval = approvalReport(rule, rule.approval, support, base);
  // Without the quorum nobody is elected, whatever the support.
  return { id, support, passed: quorumMet && approval.met, approval };
}

/** Heads first, then area. The id only orders a full tie for display; it never decides a seat. */
function byRank(a: CandidateTally, b: CandidateTally): number {
  return compareStanding(a, b) || compareText(a.id, b.id);
}

function compareStanding(a: CandidateTally, b: CandidateTally): number {
  if (a.support.heads !== b.support.heads) return a.support.heads > b.support.heads ? -1 : 1;
  if (a.support.area !== b.support.area) return a.support.area > b.support.area ? -1 : 1;
  return 0;
}

/**
 * `passed` is in rank order. When more candidates pass than there are seats and the last seat's
 * holder is fully tied with the next, every candidate with that standing goes into `tie`; the
 * seats they compete for stay empty until a re-vote, and only candidates ranked below the tie
 * become alternates.
 */
function assignSeats(passed: CandidateTally[], seats: number) {
  const ids = (candidates: CandidateTally[]) => candidates.map((candidate) => candidate.id);
  if (passed.length <= seats) {
    return { elected: ids(passed), alternates: [], unfilled: seats - passed.length, tie: [], tiedSeats: 0 };
  }
  const lastSeat = passed[seats - 1];
  if (compareStanding(lastSeat, passed[seats]) !== 0) {
    return {
      elected: ids(passed.slice(0, seats)),
      alternates: ids(passed.slice(seats)),
      unfilled: 0,
      tie: [],
      tiedSeats: 0,
    };
  }
  const elected = passed.filter((candidate) => compareStanding(candidate, lastSeat) < 0);
  const tied = passed.filter((candidate) => compareStanding(candidate, lastSeat) === 0);
  const below = passed.filter((candidate) => compareStanding(candidate, lastSeat) > 0);
  return {
    elected: ids(elected),
    alternates: ids(below),
    unfilled: 0,
    tie: ids(tied),
    tiedSeats: seats - elected.length,
  };
}

function reportSubject(rule: CountingRule, vote: SubjectVote<string[]>) {
  return subjectReport(
    rule,
    vote,
    (marks: string[] | undefined) => ({ marks: marks ?? null }),
    (marks) => (marks.length === 0 ? 'a blank ballot' : `marks for ${marks.join(', ')}`),
  );
}
