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
import type { DecisionRecord, RecordRule } from './record.ts';
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
  const decided = decisionRule(record.rule);
  if (!decided.ok) return decided;
  const votes = decisionVotes(record, decided.value.options);
  const outcome = decideFigures(decided.value, decisionFiguresOf(votes));
  return ok({
    ...outcome,
    excludedUnits: excludedUnitsReport(record.units, decided.value.options.parkingInVotingArea),
    subjects: reportDecisionSubjects(decided.value, votes, outcome.silentVotes?.applied ? outcome.silentVotes.majority : null),
  });
}

function decisionVotes(record: Pick<DecisionRecord, 'units' | 'ballots'>, options: VoteOptions): SubjectVote<Choice>[] {
  const subjects = buildSubjects(record.units, options.parkingInVotingArea);
  return resolveSubjectVotes<Choice>(subjects, record.ballots, { coOwnerConflict: options.coOwnerConflict, same: (a, b) => a === b, abstention: 'abstain' });
}

/** Each subject's figures and explanation; subjects without a ballot deemed to the majority side when silent votes applied. */
function reportDecisionSubjects(decided: DecisionRule, votes: SubjectVote<Choice>[], deemedTo: Choice | null): DecisionSubjectReport[] {
  const { rule, options } = decided;
  const shown = deemedTo
    ? votes.map((vote): SubjectVote<Choice> => (vote.reason === 'no-ballot' ? { ...vote, counted: deemedTo, reason: 'silent-deemed' } : vote))
    : votes;
  return shown.map((vote) => reportSubject(rule, vote, options.silentVotes === 'off' ? undefined : options.silentVotesClause));
}

/**
 * The subject reports of part of a decision record: the units of some subjects and their
 * ballots, as the full tally would report those subjects. `deemedTo` is the published result's
 * silent-vote majority where silent votes applied. What a page of a large result is made of.
 */
export function decisionSubjectsOf(record: Pick<DecisionRecord, 'rule' | 'units' | 'ballots'>, deemedTo: Choice | null): Result<DecisionSubjectReport[]> {
  const decided = decisionRule(record.rule);
  if (!decided.ok) return decided;
  return ok(reportDecisionSubjects(decided.value, decisionVotes(record, decided.value.options), deemedTo));
}

/** A decision's counting rule from the record's rule: preset, class (or item) and options. */
export function decisionRule(spec: RecordRule): Result<DecisionRule> {
  const { preset, item } = spec;
  const options = resolveOptions(preset, spec.options, 'decision');
  if (!options.ok) return options;
  const matterClass = spec.class ?? (item !== undefined ? classOfItem(preset, item) : undefined);
  if (!matterClass) return fail('rule.item', 'is missing: give the item (1–9) or the class');
  return ok({ preset, item, matterClass, options: options.value, rule: ruleFor(preset, matterClass, options.value) });
}

export interface DecisionRule {
  preset: PresetId;
  item?: number;
  matterClass: MatterClass;
  options: VoteOptions;
  rule: CountingRule;
}

/**
 * What a decision is decided on: the subjects' summed figures by how they count. Every test of
 * the rule runs on these sums alone, so the platform may have its database do the summing over a
 * street-wide vote and still decide by this very code.
 */
export interface DecisionFigures {
  total: Figures;
  for: Figures;
  against: Figures;
  abstain: Figures;
  /** subjects that returned no ballot (the ones silent votes may deem) */
  noBallot: Figures;
}

export function decisionFiguresOf(votes: SubjectVote<Choice>[]): DecisionFigures {
  const of = (keep: (vote: SubjectVote<Choice>) => boolean) => figuresOf(votes.filter(keep).map((vote) => vote.subject));
  return {
    total: of(() => true),
    for: of((vote) => vote.counted === 'for'),
    against: of((vote) => vote.counted === 'against'),
    abstain: of((vote) => vote.counted === 'abstain'),
    noBallot: of((vote) => vote.reason === 'no-ballot'),
  };
}

export type DecisionOutcome = Omit<DecisionResult, 'excludedUnits' | 'subjects'>;

/** The decision from the figures: the raw outcome, and with silent votes on, the deemed one beside it. */
export function decideFigures(decided: DecisionRule, figures: DecisionFigures): DecisionOutcome {
  const { preset, item, matterClass, options, rule } = decided;
  const raw = countDecision(rule, figures);
  const head = { kind: 'decision' as const, preset, ...(item !== undefined ? { item } : {}), options };
  if (options.silentVotes === 'off') return { ...head, ...outcomeFields(raw, matterClass) };
  const silent = deemSilentVotes(figures, options);
  const deemed = silent.report.applied ? countDecision(rule, silent.figures) : raw;
  return { ...head, ...outcomeFields(deemed, matterClass), silentVotes: silent.report, raw };
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

const add = (a: Figures, b: Figures): Figures => ({ area: a.area + b.area, heads: a.heads + b.heads, shares: a.shares + b.shares, votes: a.votes + b.votes });

/** All tests of the rule must hold; a failed participation test fails the decision (§2). */
function countDecision(rule: CountingRule, figures: DecisionFigures): Outcome {
  const cast = add(figures.for, figures.against);
  const participating = add(cast, figures.abstain);
  const participation = participationReport(rule, participating, figures.total);
  const base = approvalBaseFigures(rule, { participating, total: figures.total, cast });
  const approval = approvalReport(rule, rule.approval, figures.for, base);
  return { passed: participation.met && approval.met, participation, approval };
}

/**
 * Silent votes (§4): subjects that returned no ballot are deemed to take part on the side that
 * leads the returned for/against ballots on both heads and area. Without such a side (or, under
 * zj2009, when that side's returned ballots do not exceed 1/2 of the total area and heads) no one
 * is deemed and the returned ballots decide alone. Only 'no-ballot' subjects are deemed: co-owners
 * who returned conflicting ballots did return them.
 */
function deemSilentVotes(figures: DecisionFigures, options: VoteOptions) {
  const option = options.silentVotes as Exclude<SilentVotes, 'off'>;
  const majority = leadingSide(figures.for, figures.against);
  const guard = option === 'follow-majority-zj2009' ? zj2009Guard(majority ? figures[majority] : undefined, figures.total) : undefined;
  const silentCount = Number(figures.noBallot.heads);
  const applied = majority !== null && (guard?.met ?? true) && silentCount > 0;
  const deemed: DecisionFigures = applied
    ? { ...figures, [majority]: add(figures[majority], figures.noBallot), noBallot: NO_FIGURES }
    : figures;

  const report: SilentVotesReport = {
    option,
    clause: options.silentVotesClause ?? '',
    majority,
    returned: { for: shown(figures.for), against: shown(figures.against) },
    ...(guard ? { guard } : {}),
    applied,
    deemed: applied ? silentCount : 0,
    explanation: explainSilent(majority, guard?.met, silentCount, applied),
  };
  return { figures: deemed, report };
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
