import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { conflict, type VoteRow } from './commands/support.ts';
import { decisionSubjectsOf, electionSubjectsOf, formatFieldError, type Choice, type DecisionOutcome, type DecisionSubjectReport, type ElectionOutcome, type ElectionSubjectReport } from './domain/index.ts';
import { toVoteUnit } from './domain/electorate.ts';
import type { BallotContent } from './domain/export-record.ts';
import type { PresetId, VoteOptions } from './domain/presets.ts';
import type { QuestionRow } from './repo/votes.ts';
import { resultRows } from './voting.results.ts';
import { toRecordUnit } from './voting.record.ts';
import { voteBallots, voteSubjects, voteUnitOwners, voteUnits } from './voting.tables.ts';

// The per-subject part of a counted result (owners-vote.md §7 "subjects"), page by page: the
// subjects' frozen units and their ballots are handed to the tally core, which reports them as
// it does when it counts a whole record, so page after page concatenated is exactly the
// `subjects` that `siyi tally` prints for the exported record.

export interface SubjectPage {
  total: number;
  offset: number;
  next: string | null;
  subjects: (DecisionSubjectReport | ElectionSubjectReport)[];
}

/** A page of subjects in the tally's order (by offset, or after a key), or just the subjects named by key. */
export async function subjectPage(db: Db, vote: VoteRow, question: QuestionRow, page: { offset: number; limit: number; after?: string; keys?: string[] }): Promise<SubjectPage> {
  const stored = (await resultRows(db, vote)).find((r) => r.questionId === question.id);
  if (!stored) throw conflict('wrong_state', `the vote is ${vote.state}; subjects are reported once it is counted`);
  const result = JSON.parse(stored.resultJson) as DecisionOutcome | ElectionOutcome;
  const total = result.participation.heads.total;
  const keys = page.keys ?? (await db
    .select({ key: voteSubjects.key })
    .from(voteSubjects)
    .where(and(
      eq(voteSubjects.communityId, vote.communityId), eq(voteSubjects.voteId, vote.id),
      page.after === undefined ? undefined : sql`${voteSubjects.key} collate "C" > ${page.after}`,
    ))
    .orderBy(sql`${voteSubjects.key} collate "C"`)
    .offset(page.after === undefined ? page.offset : 0)
    .limit(page.limit)).map((r) => r.key);
  const next = !page.keys && keys.length === page.limit ? keys[keys.length - 1] : null;
  if (!keys.length) return { total, offset: page.offset, next, subjects: [] };

  const unitRows = await db.select().from(voteUnits)
    .where(and(eq(voteUnits.communityId, vote.communityId), eq(voteUnits.voteId, vote.id), inArray(voteUnits.subjectKey, keys)));
  const owners = await db.select({ unitId: voteUnitOwners.unitId, personId: voteUnitOwners.personId }).from(voteUnitOwners)
    .where(and(eq(voteUnitOwners.communityId, vote.communityId), eq(voteUnitOwners.voteId, vote.id), inArray(voteUnitOwners.unitId, unitRows.map((u) => u.unitId))));
  const ballots = await db.select({ voter: voteBallots.voterPersonId, content: voteBallots.content }).from(voteBallots)
    .where(and(eq(voteBallots.communityId, vote.communityId), eq(voteBallots.voteId, vote.id), eq(voteBallots.questionId, question.id), inArray(voteBallots.subjectKey, keys)));

  const ownersOf = new Map<string, string[]>();
  for (const o of owners) ownersOf.set(o.unitId, [...(ownersOf.get(o.unitId) ?? []), o.personId]);
  const units = unitRows.map((u) => toVoteUnit(toRecordUnit(u, ownersOf.get(u.unitId) ?? [])));
  const rule = { preset: vote.preset as PresetId, item: question.item, options: vote.options as Partial<VoteOptions> };
  const contents = ballots.map((b) => ({ voter: b.voter, content: b.content as BallotContent }));
  const reported = question.kind === 'decision'
    ? decisionSubjectsOf(
        { rule, units, ballots: contents.map((b) => ({ voter: b.voter, content: (b.content as { choice: Choice }).choice })) },
        result.kind === 'decision' && result.silentVotes?.applied ? result.silentVotes.majority : null,
      )
    : electionSubjectsOf({ rule, units, ballots: contents.map((b) => ({ voter: b.voter, content: (b.content as { marks: string[] }).marks })) });
  if (!reported.ok) throw conflict('record_malformed', formatFieldError(reported.error), { questionId: question.id });
  return { total, offset: page.offset, next, subjects: reported.value };
}
