/**
 * Builds the `siyi.vote-record/1` document of one question from the frozen electorate and the
 * accepted ballots. This document is what the platform counts (recountDocument) and exactly what
 * it exports, so `siyi tally` on the export reproduces the published result by construction.
 * Personal data left in it: unit ids, owner ids and choices; never names or phones.
 */
import { formatCenti } from './area.ts';
import type { Choice } from './ballots.ts';
import type { PresetId, VoteOptions } from './presets.ts';
import { RECORD_FORMAT } from './record.ts';
import { compareText } from './subjects.ts';
import { toVoteUnit, type ElectorateUnit } from './electorate.ts';

export interface RecordQuestion {
  id: string;
  title: string;
  item: number;
  kind: 'decision' | 'election';
  seats: number | null;
  /** candidate ids only: names stay out of the record */
  candidateIds: string[];
}

export type RecordUnit = Pick<ElectorateUnit, 'unitId' | 'areas' | 'ownerIds' | 'voterId' | 'developer' | 'parking'>;

export type BallotContent = { choice: Choice } | { marks: string[] };

export interface RecordBallot {
  voter: string;
  content: BallotContent;
}

export function buildRecordDocument(input: {
  voteId: string;
  question: RecordQuestion;
  preset: PresetId;
  options: Partial<VoteOptions>;
  units: RecordUnit[];
  ballots: RecordBallot[];
}): Record<string, unknown> {
  return {
    ...recordHead(input),
    units: [...input.units].sort((a, b) => compareText(a.unitId, b.unitId)).map(recordUnit),
    ballots: [...input.ballots].sort((a, b) => compareText(a.voter, b.voter)).map(recordBallot),
  };
}

/** Everything of a record but its units and ballots, in the order the document shows them. */
export function recordHead(input: { voteId: string; question: RecordQuestion; preset: PresetId; options: Partial<VoteOptions> }): Record<string, unknown> {
  const { question } = input;
  const options = Object.fromEntries(Object.entries(input.options).filter(([, value]) => value !== undefined));
  return {
    format: RECORD_FORMAT,
    kind: question.kind,
    vote: input.voteId,
    question: question.id,
    title: question.title,
    rule: { preset: input.preset, item: question.item, options },
    ...(question.kind === 'election' ? { seats: question.seats, candidates: question.candidateIds } : {}),
  };
}

/** A unit as the record shows it (units come sorted by id). */
export function recordUnit(unit: RecordUnit) {
  const shaped = toVoteUnit(unit);
  const area: Record<string, string> = {};
  for (const [source, centi] of Object.entries(shaped.area)) area[source] = formatCenti(centi as bigint);
  return {
    id: shaped.id,
    area,
    owners: shaped.owners,
    ...(shaped.voter ? { voter: shaped.voter } : {}),
    ...(shaped.developer ? { developer: true } : {}),
    ...(shaped.parking ? { parking: true } : {}),
  };
}

/** A ballot as the record shows it (ballots come sorted by voter). */
export function recordBallot(ballot: RecordBallot) {
  return { voter: ballot.voter, ...ballot.content };
}
