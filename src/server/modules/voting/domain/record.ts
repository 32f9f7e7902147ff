/**
 * Reads a `siyi.vote-record/1` document (owners-vote.md §7) into the domain's record type.
 * This file checks the JSON shape: types, spellings and decimals. The rules that relate fields to
 * each other (a second ballot, a voter who owns no counted unit, an item outside 1–9 …) live in
 * validate.ts, so that records built in code get the same checks. Nothing is guessed: an unknown
 * key inside `rule`, a unit, its area or a ballot is an error, because a misspelt "voter" or
 * "registered" would silently change the count. Extra top-level keys (titles, dates) are allowed.
 */
import { parseCenti, type AreaSources, AREA_SOURCES } from './area.ts';
import { CHOICES, type Ballot, type Choice } from './ballots.ts';
import {
  DEFAULT_PRESET,
  PRESET_IDS,
  isPresetId,
  type MatterClass,
  type PresetId,
  type VoteOptions,
} from './presets.ts';
import { fail, ok, type Result } from './result.ts';
import type { VoteUnit } from './subjects.ts';
import { checkVoteRecord } from './validate.ts';

export const RECORD_FORMAT = 'siyi.vote-record/1';

export interface RecordRule {
  preset: PresetId;
  /** Civil Code Art. 278 item, 1–9 */
  item?: number;
  /** the class, given directly instead of (or consistently with) the item */
  class?: MatterClass;
  /** options as written in the record; the tally fills in the preset's defaults */
  options: Partial<VoteOptions>;
}

export interface DecisionRecord {
  kind: 'decision';
  rule: RecordRule;
  units: VoteUnit[];
  ballots: Ballot<Choice>[];
}

export interface ElectionRecord {
  kind: 'election';
  rule: RecordRule;
  seats: number;
  candidates: string[];
  units: VoteUnit[];
  /** each ballot's content is the list of marked candidates */
  ballots: Ballot<string[]>[];
}

export type VoteRecord = DecisionRecord | ElectionRecord;

type Json = Record<string, unknown>;

/** Parses and validates a record document. The error names the offending field. */
export function parseVoteRecord(document: unknown): Result<VoteRecord> {
  const shaped = readRecord(document);
  return shaped.ok ? checkVoteRecord(shaped.value) : shaped;
}

/** The same from text, for the CLI and imports. */
export function parseVoteRecordText(text: string): Result<VoteRecord> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fail('', `not valid JSON: ${(error as Error).message}`);
  }
  return parseVoteRecord(document);
}

function readRecord(document: unknown): Result<VoteRecord> {
  if (!isObject(document)) return fail('', 'a vote record must be a JSON object');
  if (document.format !== RECORD_FORMAT) {
    return invalid('format', document.format, `the known format "${RECORD_FORMAT}"`);
  }
  if (document.kind !== 'decision' && document.kind !== 'election') {
    return invalid('kind', document.kind, 'one of "decision", "election"');
  }
  const rule = readRule(document.rule);
  if (!rule.ok) return rule;
  const units = readArray(document.units, 'units', readUnit);
  if (!units.ok) return units;

  if (document.kind === 'decision') {
    const ballots = readArray(document.ballots, 'ballots', readChoiceBallot);
    if (!ballots.ok) return ballots;
    return ok({ kind: 'decision', rule: rule.value, units: units.value, ballots: ballots.value });
  }
  if (typeof document.seats !== 'number') return invalid('seats', document.seats, 'a number of seats');
  const candidates = readArray(document.candidates, 'candidates', readId);
  if (!candidates.ok) return candidates;
  const ballots = readArray(document.ballots, 'ballots', readMarksBallot);
  if (!ballots.ok) return ballots;
  return ok({
    kind: 'election',
    rule: rule.value,
    seats: document.seats,
    candidates: candidates.value,
    units: units.value,
    ballots: ballots.value,
  });
}

function readRule(value: unknown): Result<RecordRule> {
  const path = 'rule';
  if (!isObject(value)) return invalid(path, value, 'an object with a preset and an item or class');
  const unknown = unknownKey(value, ['preset', 'item', 'class', 'options'], path);
  if (unknown) return unknown;
  const preset = value.preset ?? DEFAULT_PRESET;
  if (!isPresetId(preset)) {
    return fail(`${path}.preset`, `${show(preset)} is not a known preset (one of ${PRESET_IDS.join(', ')})`);
  }
  if (value.item !== undefined && typeof value.item !== 'number') {
    return fail(`${path}.item`, `${show(value.item)} must be a number from 1 to 9`);
  }
  if (value.class !== undefined && value.class !== 'ordinary' && value.class !== 'special') {
    return fail(`${path}.class`, `${show(value.class)} is not one of "ordinary", "special"`);
  }
  const options = readOptions(value.options, `${path}.options`);
  if (!options.ok) return options;
  return ok({ preset, item: value.item, class: value.class, options: options.value });
}

const OPTION_VALUES: Record<keyof VoteOptions, readonly unknown[] | 'text'> = {
  coOwnerConflict: ['abstain', 'void'],
  silentVotes: ['off', 'follow-majority', 'follow-majority-zj2009'],
  silentVotesClause: 'text',
  abstentionsInBase: [true, false],
  parkingInVotingArea: [true, false],
  weighting: ['heads', 'shares'],
};

function readOptions(value: unknown, path: string): Result<Partial<VoteOptions>> {
  if (value === undefined) return ok({});
  if (!isObject(value)) return fail(path, 'must be an object');
  const options: Json = {};
  for (const [key, given] of Object.entries(value)) {
    if (!Object.hasOwn(OPTION_VALUES, key)) return fail(`${path}.${key}`, 'is not a known option');
    const allowed = OPTION_VALUES[key as keyof VoteOptions];
    const valid = allowed === 'text' ? typeof given === 'string' : allowed.includes(given);
    if (!valid) {
      const expected = allowed === 'text' ? 'a text' : allowed.map(show).join(', ');
      return fail(`${path}.${key}`, `${show(given)} is not one of ${expected}`);
    }
    options[key] = given;
  }
  return ok(options as Partial<VoteOptions>);
}

function readUnit(value: unknown, path: string): Result<VoteUnit> {
  if (!isObject(value)) return fail(path, 'must be an object');
  const keys = ['id', 'area', 'owners', 'voter', 'developer', 'parking', 'shares', 'votes'];
  const unknown = unknownKey(value, keys, path);
  if (unknown) return unknown;
  const id = readId(value.id, `${path}.id`);
  if (!id.ok) return id;
  const area = readArea(value.area, `${path}.area`);
  if (!area.ok) return area;
  const owners = readArray(value.owners, `${path}.owners`, readId);
  if (!owners.ok) return owners;
  const unit: VoteUnit = { id: id.value, area: area.value, owners: owners.value };
  if (value.voter !== undefined) {
    const voter = readId(value.voter, `${path}.voter`);
    if (!voter.ok) return voter;
    unit.voter = voter.value;
  }
  for (const flag of ['developer', 'parking'] as const) {
    if (value[flag] === undefined) continue;
    if (typeof value[flag] !== 'boolean') return invalid(`${path}.${flag}`, value[flag], 'true or false');
    unit[flag] = value[flag];
  }
  for (const weight of ['shares', 'votes'] as const) {
    if (value[weight] === undefined) continue;
    const centi = parseCenti(value[weight], `${path}.${weight}`);
    if (!centi.ok) return centi;
    unit[weight] = centi.value;
  }
  return ok(unit);
}

function readArea(value: unknown, path: string): Result<AreaSources> {
  if (!isObject(value)) return invalid(path, value, 'an object with a registered, surveyed or contract area');
  const unknown = unknownKey(value, AREA_SOURCES, path);
  if (unknown) return unknown;
  const sources: AreaSources = {};
  for (const source of AREA_SOURCES) {
    if (value[source] === undefined) continue;
    const centi = parseCenti(value[source], `${path}.${source}`);
    if (!centi.ok) return centi;
    sources[source] = centi.value;
  }
  return ok(sources);
}

function readChoiceBallot(value: unknown, path: string): Result<Ballot<Choice>> {
  if (!isObject(value)) return fail(path, 'must be an object with a voter and a choice');
  const unknown = unknownKey(value, ['voter', 'choice'], path);
  if (unknown) return unknown;
  const voter = readId(value.voter, `${path}.voter`);
  if (!voter.ok) return voter;
  if (!(CHOICES as readonly unknown[]).includes(value.choice)) {
    return invalid(`${path}.choice`, value.choice, 'one of "for", "against", "abstain"');
  }
  return ok({ voter: voter.value, content: value.choice as Choice });
}

function readMarksBallot(value: unknown, path: string): Result<Ballot<string[]>> {
  if (!isObject(value)) return fail(path, 'must be an object with a voter and marks');
  const unknown = unknownKey(value, ['voter', 'marks'], path);
  if (unknown) return unknown;
  const voter = readId(value.voter, `${path}.voter`);
  if (!voter.ok) return voter;
  const marks = readArray(value.marks, `${path}.marks`, readId);
  if (!marks.ok) return marks;
  return ok({ voter: voter.value, content: marks.value });
}

function readId(value: unknown, path: string): Result<string> {
  if (typeof value !== 'string' || value.trim() === '') return invalid(path, value, 'a non-empty text id');
  return ok(value);
}

function readArray<T>(value: unknown, path: string, readItem: (item: unknown, path: string) => Result<T>): Result<T[]> {
  if (!Array.isArray(value)) return invalid(path, value, 'an array');
  const items: T[] = [];
  for (const [index, item] of value.entries()) {
    const read = readItem(item, `${path}[${index}]`);
    if (!read.ok) return read;
    items.push(read.value);
  }
  return ok(items);
}

function unknownKey(value: Json, known: readonly string[], path: string): Result<never> | undefined {
  const key = Object.keys(value).find((candidate) => !known.includes(candidate));
  return key === undefined
    ? undefined
    : fail(`${path}.${key}`, `is not a known field (expected one of ${known.join(', ')})`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"yes" is not one of "for", …`, or `is missing: expected …` when the field is absent. */
function invalid(path: string, value: unknown, expected: string): Result<never> {
  return fail(path, value === undefined ? `is missing: expected ${expected}` : `${show(value)} is not ${expected}`);
}

/** A value as it appeared in the document, for error messages. */
function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
