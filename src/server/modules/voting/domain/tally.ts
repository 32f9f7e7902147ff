/**
 * The decision tally (owners-vote.md §2–§4). Pure: a checked record in, the published result out.
 */
import { formatCenti } from './area.ts';
import { resolveSubjectVotes, type Choice, type SubjectVote } from './ballots.ts';
import {
  classOfItem,
  resolveOptions,
  ruleFor,
  type CountingRule,
  type MatterClass,
  type PresetId,
  type SilentVotes,
  type VoteOptions,
} from './presets.ts';
import { describeThreshold, meets, moreThanFraction } from './rational.ts';
import type { DecisionRecord } from './record.ts';
import {
  approvalBaseFigures,
  approvalReport,
  excludedUnitsReport,
  figuresOf,
  participationReport,
  subjectReport,
  type ApprovalReport,
  type ExcludedUnitReport,
  type Figures,
  type ParticipationReport,
} from './report.ts';
import { fail, ok, type Result } from './result.ts';
import { buildSubjects } from './subjects.ts';
import { checkVoteRecord } from './validate.ts';

export interface Outcome {
  passed: boolean;
  participation: ParticipationReport;
  approval: ApprovalReport;
}

export interface SilentVotesReport {
  option: Exclude<SilentVotes, 'off'>;
  /** the rules-of-procedure clause that allows silent votes */
  clause: string;
  /** the side that leads the returned for/against ballots on both heads and area, if one does */
  majority: Choice | null;
  returned: { for: { area: string; heads: number }; against: { area: string; heads: number } };
  /** follow-majority-zj2009: the majority side must also exceed 1/2 of total area and heads */
  guard?: {
    met: boolean;
    area: { value: string; total: string; met: boolean; threshold: string };
    heads: { value: number; total: number; met: boolean; threshold: string };
  };
  /** whether silent subjects were deemed to take part */
  applied: boolean;
  deemed: number;
  explanation: string;
}

export type DecisionSubjectReport = ReturnType<typeof reportSubject>;

export interface DecisionResult extends Outcome {
  kind: 'decision';
  preset: PresetId;
  item?: number;
  class: MatterClass;
  options: VoteOptions;
  silentVotes?: SilentVotesReport;
  /** with silent votes on: the result from the returned ballots alone, shown beside the deemed one */
  raw?: Outcome;
  excludedUnits: ExcludedUnitReport[];
  subjects: DecisionSubjectReport[];
}

export function tallyDecision(record: DecisionRecord): Result<DecisionResult> {
  const checked = checkVoteRecord(record);
  if (!checked.ok) return checked;
  const { preset, item } = record.rule;
  const options = resolveOptions(preset, record.rule.options, 'decision');
  if (!options.ok) return options;
  const matterClass = record.rule.class ?? (item !== undefined ? classOfItem(preset, item) : undefined);
  if (!matterClass) return fail('rule.item', 'is missing: give the item (1–9) or the class');
  const rule = ruleFor(preset, matterClass, options.value);

  const subjects = buildSubjects(record.units, options.value.parkingInVotingArea);
  const votes = resolveSubjectVotes<Choice>(subjects, record.ballots, {
    coOwnerConflict: options.value.coOwnerConflict,
    same: (a, b) => a === b,
    abstention: 'abstain',
  });
  const raw = countDecision(rule, votes);
  const head = { kind: 'decision' as const, preset, ...(item !== undefined ? { item } : {}), options: options.value };
  const excludedUnits = excludedUnitsReport(record.units, options.value.parkingInVotingArea);

  if (options.value.silentVotes === 'off') {
    const subjectReports = votes.map((vote) => reportSubject(rule, vote));
    return ok({ ...head, ...outcomeFields(raw, matterClass), excludedUnits, subjects: subjectReports });
  }
  const silent = deemSilentVotes(votes, options.value);
  const deemed = silent.report.applied ? countDecision(rule, silent.votes) : raw;
  const clause = options.value.silentVotesClause;
  return ok({
    ...head,
    ...outcomeFields(deemed, matterClass),
    silentVotes: silent.report,
    raw,
    excludedUnits,
    subjects: silent.votes.map((vote) => reportSubject(rule, vote, clause)),
  });
}

function outcomeFields(outcome: Outcome, matterClass: MatterClass) {
  // The order of §7: passed, class, participation, approval.
  return {
    passed: outcome.passed,
    class: matterClass,
    participation: outcome.participation,
    approval: outcome.approval,
  };
}

/** All tests of the rule must hold; a failed participation test fails the decision (§2). */
export function countDecision(rule: CountingRule, votes: SubjectVote<Choice>[]): Outcome {
  const figures = (keep: (vote: SubjectVote<Choice>) => boolean) =>
    figuresOf(votes.filter(keep).map((vote) => vote.subject));
  const total = figures(() => true);
  const participating = figures((vote) => vote.counted !== undefined);
  const consent = figures((vote) => vote.counted === 'for');
  const cast = figures((vote) => vote.counted === 'for' || vote.counted === 'against');

  const participation = participationReport(rule, participating, total);
  const base = approvalBaseFigures(rule, { participating, total, cast });
  const approval = approvalReport(rule, rule.approval, consent, base);
  return { passed: participation.met && approval.met, participation, approval };
}

/**
 * Silent votes (§4): subjects that returned no ballot are deemed to take part on the side that
 * leads the returned for/against ballots on both heads and area. Without such a side (or, under
 * zj2009, when that side's returned ballots do not exceed 1/2 of the total area and heads) no one
 * is deemed and the returned ballots decide alone. Only 'no-ballot' subjects are deemed: co-owners
 * who returned conflicting ballots did return them.
 */
function deemSilentVotes(votes: SubjectVote<Choice>[], options: VoteOptions) {
  const option = options.silentVotes as Exclude<SilentVotes, 'off'>;
  const side = (choice: Choice) =>
    figuresOf(votes.filter((vote) => vote.counted === choice).map((vote) => vote.subject));
  const total = figuresOf(votes.map((vote) => vote.subject));
  const returnedFor = side('for');
  const returnedAgainst = side('against');
  const majority = leadingSide(returnedFor, returnedAgainst);

  const guard =
    option === 'follow-majority-zj2009' ? zj2009Guard(majority ? side(majority) : undefined, total) : undefined;
  const silentCount = votes.filter((vote) => vote.reason === 'no-ballot').length;
  const applied = majority !== null && (guard?.met ?? true) && silentCount > 0;
  const deemedVotes = applied
    ? votes.map((vote): SubjectVote<Choice> =>
        vote.reason === 'no-ballot' ? { ...vote, counted: majority, reason: 'silent-deemed' } : vote,
      )
    : votes;

  const report: SilentVotesReport = {
    option,
    clause: options.silentVotesClause ?? '',
    majority,
    returned: { for: shown(returnedFor), against: shown(returnedAgainst) },
    ...(guard ? { guard } : {}),
    applied,
    deemed: applied ? silentCount : 0,
    explanation: explainSilent(majority, guard?.met, silentCount, applied),
  };
  return { votes: deemedVotes, report };
}

function leadingSide(forSide: Figures, againstSide: Figures): Choice | null {
  if (forSide.area > againstSide.area && forSide.heads > againstSide.heads) return 'for';
  if (againstSide.area > forSide.area && againstSide.heads > forSide.heads) return 'against';
  return null;
}

function zj2009Guard(majoritySide: Figures | undefined, total: Figures): NonNullable<SilentVotesReport['guard']> {
  const half = moreThanFraction(1, 2);
  const value = majoritySide ?? figuresOf([]);
  const area = {
    value: formatCenti(value.area),
    total: formatCenti(total.area),
    met: meets(half, value.area, total.area),
    threshold: describeThreshold(half),
  };
  const heads = {
    value: Number(value.heads),
    total: Number(total.heads),
    met: meets(half, value.heads, total.heads),
    threshold: describeThreshold(half),
  };
  return { met: majoritySide !== undefined && area.met && heads.met, area, heads };
}

function shown(figures: Figures) {
  return { area: formatCenti(figures.area), heads: Number(figures.heads) };
}

function explainSilent(
  majority: Choice | null,
  guardMet: boolean | undefined,
  silent: number,
  applied: boolean,
): string {
  if (majority === null) {
    return 'Neither side of the returned ballots leads on both heads and area, so there is no deemed majority and no one is deemed.';
  }
  if (guardMet === false) {
    return `The returned "${majority}" side does not exceed 1/2 of the total area and heads (zj2009 guard), so no one is deemed.`;
  }
  if (!applied) return 'Every subject returned a ballot, so no one is deemed.';
  return `${silent} subject(s) returned no ballot and are deemed to take part on the "${majority}" side.`;
}

function reportSubject(rule: CountingRule, vote: SubjectVote<Choice>, silentVotesClause?: string) {
  return subjectReport(
    rule,
    vote,
    (choice: Choice | undefined) => ({ choice: choice ?? null }),
    (choice) => choice,
    silentVotesClause,
  );
}
