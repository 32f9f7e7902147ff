/**
 * Figures and the JSON shapes they are published in (owners-vote.md §7). Figures stay bigint
 * until this file formats them: areas, shares and votes as decimal strings with two decimals,
 * heads as whole numbers.
 */
import { formatCenti, type AreaSource } from './area.ts';
import { explainBallot, explainSubject, type SubjectVote } from './ballots.ts';
import type { ApprovalBase, CountingRule, Measure, Tests } from './presets.ts';
import { describeThreshold, meets } from './rational.ts';
import { compareText, excludedUnitIds, subjectLabel, type VoteUnit, type VotingSubject } from './subjects.ts';

export type Figures = Record<Measure, bigint>;

export const NO_FIGURES: Figures = { area: 0n, heads: 0n, shares: 0n, votes: 0n };

export function figuresOf(subjects: VotingSubject[]): Figures {
  return subjects.reduce(
    (sum, subject) => ({
      area: sum.area + subject.area,
      heads: sum.heads + 1n,
      shares: sum.shares + subject.shares,
      votes: sum.votes + subject.votes,
    }),
    NO_FIGURES,
  );
}

/** Area and heads always; a foreign preset's shares or votes beside them. */
export function measuresOf(rule: CountingRule): Measure[] {
  return rule.weight === 'area' ? ['area', 'heads'] : ['area', 'heads', rule.weight];
}

export interface ParticipationTest<Value> {
  value: Value;
  total: Value;
  met: boolean;
  /** "at least 2/3", "more than 1/2", or "none" when the preset sets no such test */
  threshold: string;
}

export interface ApprovalTest<Value> {
  value: Value;
  base: Value;
  met: boolean;
  threshold: string;
}

export interface ParticipationReport {
  met: boolean;
  area: ParticipationTest<string>;
  heads: ParticipationTest<number>;
  shares?: ParticipationTest<string>;
  votes?: ParticipationTest<string>;
}

export interface ApprovalReport {
  met: boolean;
  /** what the base is: the participants, all subjects, or the for and against ballots */
  basis: ApprovalBase;
  area: ApprovalTest<string>;
  heads: ApprovalTest<number>;
  shares?: ApprovalTest<string>;
  votes?: ApprovalTest<string>;
}

interface Check {
  value: bigint;
  /** what the value is measured against: the total, or the approval base */
  whole: bigint;
  met: boolean;
  threshold: string;
}

/** A test the preset does not set is reported as met, with its figures, so that every shape is complete. */
function check(tests: Tests, measure: Measure, value: Figures, whole: Figures): Check {
  const threshold = tests[measure];
  return {
    value: value[measure],
    whole: whole[measure],
    met: threshold === undefined || meets(threshold, value[measure], whole[measure]),
    threshold: describeThreshold(threshold),
  };
}

const asCenti = (value: bigint) => formatCenti(value);
const asHeads = (value: bigint) => Number(value);

export function participationReport(rule: CountingRule, participating: Figures, total: Figures): ParticipationReport {
  const run = <V>(measure: Measure, format: (value: bigint) => V): ParticipationTest<V> => {
    const { value, whole, met, threshold } = check(rule.participation, measure, participating, total);
    return { value: format(value), total: format(whole), met, threshold };
  };
  const report: ParticipationReport = { met: false, area: run('area', asCenti), heads: run('heads', asHeads) };
  if (rule.weight !== 'area') report[rule.weight] = run(rule.weight, asCenti);
  report.met = measuresOf(rule).every((measure) => report[measure]?.met);
  return report;
}

export function approvalReport(rule: CountingRule, tests: Tests, consent: Figures, base: Figures): ApprovalReport {
  const run = <V>(measure: Measure, format: (value: bigint) => V): ApprovalTest<V> => {
    const { value, whole, met, threshold } = check(tests, measure, consent, base);
    return { value: format(value), base: format(whole), met, threshold };
  };
  const report: ApprovalReport = {
    met: false,
    basis: rule.approvalBase,
    area: run('area', asCenti),
    heads: run('heads', asHeads),
  };
  if (rule.weight !== 'area') report[rule.weight] = run(rule.weight, asCenti);
  report.met = measuresOf(rule).every((measure) => report[measure]?.met);
  return report;
}

/** The approval base for a rule, from the three candidate groups. */
export function approvalBaseFigures(
  rule: CountingRule,
  groups: { participating: Figures; total: Figures; cast: Figures },
): Figures {
  return groups[rule.approvalBase];
}

export interface UnitAreaReport {
  unit: string;
  area: string;
  source: AreaSource;
  shares?: string;
  votes?: string;
}

/** The fields every subject shows, decision or election, in the order §7 prints them. */
export function subjectReport<Content, Shown extends Record<string, unknown>>(
  rule: CountingRule,
  vote: SubjectVote<Content>,
  shown: (content: Content | undefined) => Shown,
  describe: (content: Content) => string,
  silentVotesClause?: string,
) {
  const { subject } = vote;
  const weight = rule.weight === 'area' ? undefined : rule.weight;
  return {
    voter: subjectLabel(subject),
    units: subject.units.map((unit) => unit.id),
    area: formatCenti(subject.area),
    ...(weight ? { [weight]: formatCenti(subject[weight]) } : {}),
    ...shown(vote.counted),
    reason: vote.reason,
    explanation: explainSubject(vote, describe, silentVotesClause),
    voters: subject.representatives,
    ...(subject.developer ? { developer: true } : {}),
    unitAreas: subject.units.map((unit): UnitAreaReport => ({
      unit: unit.id,
      area: formatCenti(unit.area),
      source: unit.source,
      ...(weight ? { [weight]: formatCenti(unit[weight]) } : {}),
    })),
    ballots: vote.ballots.map((ballot) => ({
      voter: ballot.voter,
      ...shown(ballot.content),
      counted: ballot.counted,
      reason: ballot.reason,
      explanation: explainBallot(ballot, subject),
    })),
  };
}

export interface ExcludedUnitReport {
  unit: string;
  reason: 'parking-excluded';
  explanation: string;
}

/** Units that exist in the record but are not counted, so that nobody wonders where they went. */
export function excludedUnitsReport(units: VoteUnit[], parkingInVotingArea: boolean): ExcludedUnitReport[] {
  return excludedParkingReport(excludedUnitIds(units, parkingInVotingArea));
}

/** The same from the ids of the parking spaces left out (the platform reads them from the frozen electorate). */
export function excludedParkingReport(unitIds: string[]): ExcludedUnitReport[] {
  return [...unitIds].sort(compareText).map((unit) => ({
    unit,
    reason: 'parking-excluded',
    explanation: `${unit} is a parking space; parkingInVotingArea is false, so it is left out of the area and the heads.`,
  }));
}
