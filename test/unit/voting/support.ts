/** Builders for vote-record documents, so that each test shows only the figures it is about. */
import { expect } from 'vitest';
import {
  recountDocument,
  type DecisionResult,
  type ElectionResult,
  type FieldError,
} from '../../../src/server/modules/voting/domain/index.ts';

type Json = Record<string, unknown>;

export interface UnitSpec {
  id: string;
  area: string | Json;
  owners: string[];
  voter?: string;
  developer?: boolean;
  parking?: boolean;
  shares?: string;
  votes?: string;
}

/** A unit with a registered area, unless `area` gives the sources explicitly. */
export function unit(id: string, area: string | Json, owners: string | string[], extra: Partial<UnitSpec> = {}): Json {
  return {
    id,
    area: typeof area === 'string' ? { registered: area } : area,
    owners: typeof owners === 'string' ? [owners] : owners,
    ...extra,
  };
}

/** `count` sole owners o1…oN with the same area each. */
export function soleOwners(count: number, area: string, prefix = 'o'): Json[] {
  return Array.from({ length: count }, (_, index) => unit(`U${index + 1}`, area, `${prefix}${index + 1}`));
}

export function ballot(voter: string, choice: string): Json {
  return { voter, choice };
}

export function decision(rule: Json, units: Json[], ballots: Json[]): Json {
  return {
    format: 'siyi.vote-record/1',
    kind: 'decision',
    rule: { preset: 'cn-civil-code-2021', ...rule },
    units,
    ballots,
  };
}

export function election(seats: number, candidates: string[], units: Json[], ballots: Json[], rule: Json = {}): Json {
  return {
    format: 'siyi.vote-record/1',
    kind: 'election',
    rule: { preset: 'cn-civil-code-2021', item: 3, ...rule },
    seats,
    candidates,
    units,
    ballots,
  };
}

export function countDecision(document: Json): DecisionResult {
  const result = recountDocument(document);
  if (!result.ok) throw new Error(`expected a result, got ${result.error.path}: ${result.error.message}`);
  expect(result.value.kind).toBe('decision');
  return result.value as DecisionResult;
}

export function countElection(document: Json): ElectionResult {
  const result = recountDocument(document);
  if (!result.ok) throw new Error(`expected a result, got ${result.error.path}: ${result.error.message}`);
  expect(result.value.kind).toBe('election');
  return result.value as ElectionResult;
}

export function malformed(document: unknown): FieldError {
  const result = recountDocument(document);
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.error;
}

/** ['o1','o2'] voting `choice` each. */
export function ballots(voters: string[], choice: string): Json[] {
  return voters.map((voter) => ballot(voter, choice));
}

export function subjectOf<Subject extends { voter: string }>(result: { subjects: Subject[] }, voter: string): Subject {
  const subject = result.subjects.find((candidate) => candidate.voter === voter);
  if (!subject) throw new Error(`no subject ${voter}`);
  return subject;
}
