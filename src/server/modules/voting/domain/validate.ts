/**
 * The rules of owners-vote.md §7 that relate fields to each other. A record that breaks one is
 * malformed and is not counted at all: the error names the field, and nothing is guessed.
 * Runs on every record the tally sees, whether it came from a JSON file or from the database.
 */
import { chooseArea, formatCenti, AREA_SOURCES } from './area.ts';
import { CHOICES } from './ballots.ts';
import type { VoteRecord } from './record.ts';
import {
  classOfItem,
  hasSpecialClass,
  isChinesePreset,
  isPresetId,
  requiredUnitWeight,
  resolveOptions,
  PRESET_IDS,
} from './presets.ts';
import { fail, ok, type Result } from './result.ts';
import { isCounted } from './subjects.ts';

export function checkVoteRecord(record: VoteRecord): Result<VoteRecord> {
  const { rule } = record;
  if (!isPresetId(rule.preset)) {
    return fail('rule.preset', `"${rule.preset}" is not a known preset (one of ${PRESET_IDS.join(', ')})`);
  }
  const options = resolveOptions(rule.preset, rule.options, record.kind);
  if (!options.ok) return options;
  const matter = checkMatter(record);
  if (!matter.ok) return matter;
  const units = checkUnits(record, options.value.parkingInVotingArea, requiredUnitWeight(rule.preset, options.value));
  if (!units.ok) return units;
  const ballots = checkBallots(record, options.value.parkingInVotingArea);
  if (!ballots.ok) return ballots;
  return ok(record);
}

/** The item and class (a decision) or the seats and candidates (an election). */
function checkMatter(record: VoteRecord): Result<true> {
  const { preset, item } = record.rule;
  if (item !== undefined && !(Number.isInteger(item) && item >= 1 && item <= 9)) {
    return fail('rule.item', `${item} is outside 1–9 (Civil Code Art. 278)`);
  }
  if (record.kind === 'election') {
    if (!isChinesePreset(preset)) {
      return fail('kind', `committee elections (item 3) are defined only under the Chinese presets, not ${preset}`);
    }
    if (item !== undefined && item !== 3)
      return fail('rule.item', `${item} is not 3: an election elects the owners' committee`);
    if (record.rule.class === 'special') return fail('rule.class', 'an election (item 3) is ordinary');
    if (!Number.isInteger(record.seats) || record.seats < 1) {
      return fail('seats', `${record.seats} is not a whole number of seats of at least 1`);
    }
    if (record.candidates.length === 0) return fail('candidates', 'an election needs at least one candidate');
    const duplicate = firstDuplicate(record.candidates);
    if (duplicate) return fail(`candidates[${duplicate.index}]`, `"${duplicate.value}" is listed twice`);
    return ok(true);
  }

  const given = record.rule.class;
  if (item === undefined && given === undefined)
    return fail('rule.item', 'is missing: give the item (1–9) or the class');
  if (given === 'special' && !hasSpecialClass(preset)) {
    return fail('rule.class', `"special" is not defined under ${preset}, which has one approval rule`);
  }
  if (item !== undefined && given !== undefined && classOfItem(preset, item) !== given) {
    return fail(
      'rule.class',
      `"${given}" contradicts item ${item}, which is ${classOfItem(preset, item)} under ${preset}`,
    );
  }
  return ok(true);
}

function checkUnits(record: VoteRecord, parking: boolean, weight: 'shares' | 'votes' | undefined): Result<true> {
  const seen = new Map<string, number>();
  let countedUnits = 0;
  for (const [index, unit] of record.units.entries()) {
    const path = `units[${index}]`;
    const earlier = seen.get(unit.id);
    if (earlier !== undefined) return fail(`${path}.id`, `"${unit.id}" is already used by units[${earlier}]`);
    seen.set(unit.id, index);

    if (!chooseArea(unit.area)) return fail(`${path}.area`, 'has no registered, surveyed or contract area');
    for (const source of AREA_SOURCES) {
      const centi = unit.area[source];
      if (centi !== undefined && centi <= 0n) {
        return fail(`${path}.area.${source}`, `"${formatCenti(centi)}" is not a positive area`);
      }
    }
    if (unit.owners.length === 0) return fail(`${path}.owners`, 'a unit needs at least one owner');
    const duplicate = firstDuplicate(unit.owners);
    if (duplicate) return fail(`${path}.owners[${duplicate.index}]`, `"${duplicate.value}" is listed twice`);
    if (unit.voter !== undefined && !unit.owners.includes(unit.voter)) {
      return fail(`${path}.voter`, `"${unit.voter}" is not one of the unit's owners`);
    }
    if (!isCounted(unit, parking)) continue;
    countedUnits += 1;
    if (weight !== undefined) {
      const value = unit[weight];
      if (value === undefined)
        return fail(`${path}.${weight}`, `is missing: ${record.rule.preset} weighs every unit by ${weight}`);
      if (value < 0n) return fail(`${path}.${weight}`, `"${formatCenti(value)}" is negative`);
    }
  }
  if (countedUnits === 0) return fail('units', 'no unit counts in the vote');
  return ok(true);
}

function checkBallots(record: VoteRecord, parking: boolean): Result<true> {
  const ownersOfCountedUnits = new Set(
    record.units.filter((unit) => isCounted(unit, parking)).flatMap((unit) => unit.owners),
  );
  const firstBallotOf = new Map<string, number>();
  for (const [index, ballot] of record.ballots.entries()) {
    const path = `ballots[${index}]`;
    const earlier = firstBallotOf.get(ballot.voter);
    if (earlier !== undefined) {
      return fail(`${path}.voter`, `"${ballot.voter}" already voted in ballots[${earlier}]; each voter has one ballot`);
    }
    firstBallotOf.set(ballot.voter, index);
    if (!ownersOfCountedUnits.has(ballot.voter)) {
      return fail(`${path}.voter`, `"${ballot.voter}" owns no counted unit`);
    }
    const content = checkContent(record, index);
    if (!content.ok) return content;
  }
  return ok(true);
}

function checkContent(record: VoteRecord, index: number): Result<true> {
  if (record.kind === 'decision') {
    const { content } = record.ballots[index];
    if (!(CHOICES as readonly string[]).includes(content)) {
      return fail(`ballots[${index}].choice`, `"${content}" is not one of "for", "against", "abstain"`);
    }
    return ok(true);
  }
  const marks = record.ballots[index].content;
  const path = `ballots[${index}].marks`;
  if (marks.length > record.seats) {
    return fail(path, `${marks.length} marks, but a ballot may mark at most ${record.seats} (the number of seats)`);
  }
  const duplicate = firstDuplicate(marks);
  if (duplicate) return fail(`${path}[${duplicate.index}]`, `"${duplicate.value}" is marked twice`);
  const unknown = marks.findIndex((mark) => !record.candidates.includes(mark));
  if (unknown >= 0) return fail(`${path}[${unknown}]`, `"${marks[unknown]}" is not a candidate`);
  return ok(true);
}

function firstDuplicate(values: string[]): { index: number; value: string } | undefined {
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) return { index, value };
    seen.add(value);
  }
  return undefined;
}
