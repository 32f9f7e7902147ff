/**
 * One entry point for any vote record: what `siyi tally FILE` runs, and what the platform runs
 * when it publishes a result, so that the two can never disagree.
 */
import { tallyElection, type ElectionResult } from './election.ts';
import { parseVoteRecord, parseVoteRecordText, type VoteRecord } from './record.ts';
import type { Result } from './result.ts';
import { tallyDecision, type DecisionResult } from './tally.ts';

export type TallyResult = DecisionResult | ElectionResult;

export function tallyVoteRecord(record: VoteRecord): Result<TallyResult> {
  return record.kind === 'decision' ? tallyDecision(record) : tallyElection(record);
}

/** Parses a `siyi.vote-record/1` document (already JSON-parsed) and counts it. */
export function recountDocument(document: unknown): Result<TallyResult> {
  const record = parseVoteRecord(document);
  return record.ok ? tallyVoteRecord(record.value) : record;
}

/** The same from the text of a record file. */
export function recountText(text: string): Result<TallyResult> {
  const record = parseVoteRecordText(text);
  return record.ok ? tallyVoteRecord(record.value) : record;
}
