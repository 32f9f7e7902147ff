import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { conflict, type VoteRow } from './commands/support.ts';
import { recordBallot, recordHead, recordUnit, type BallotContent, type RecordUnit } from './domain/export-record.ts';
import type { PresetId, VoteOptions } from './domain/presets.ts';
import { questionsOf, type QuestionRow } from './repo/votes.ts';
import { voteBallots, voteUnitOwners, voteUnits } from './voting.tables.ts';
import { candidatesOf } from './voting.views.ts';

// The `siyi.vote-record/1` document of a counted question, written out piece by piece from the
// frozen electorate and the ballots, so that a street-wide vote's record (a million units and
// ballots, hundreds of megabytes) never has to sit in memory as one string. Units come in id
// order, ballots in subject order (the database's), one per line: the same input always gives the same text.

const PAGE = 5000;

/** The question a record is asked for: the one named, or the vote's only one. */
export async function recordQuestion(db: Db, vote: VoteRow, questionId: string | undefined): Promise<QuestionRow> {
  if (vote.countedAt === null) throw conflict('wrong_state', `the vote is ${vote.state}; a record exists once it is counted`);
  const questions = await questionsOf(db, vote);
  if (!questionId && questions.length > 1) {
    throw conflict('wrong_state', `question: this vote has ${questions.length} questions; name one`, { field: 'question', questions: questions.map((q) => q.id) });
  }
  const question = questionId ? questions.find((q) => q.id === questionId) : questions[0];
  if (!question) throw notFound('Question');
  return question;
}

/** Writes the record in pieces; `write` may wait (backpressure). */
export async function writeVoteRecord(db: Db, vote: VoteRow, question: QuestionRow, write: (text: string) => Promise<void> | void): Promise<void> {
  const head = recordHead({
    voteId: vote.id,
    question: {
      id: question.id, title: question.title, item: question.item, kind: question.kind as 'decision' | 'election', seats: question.seats,
      candidateIds: candidatesOf(question).map((c) => c.id),
    },
    preset: vote.preset as PresetId,
    options: vote.options as Partial<VoteOptions>,
  });
  const headText = JSON.stringify(head, null, 2);
  await write(`${headText.slice(0, -2)},\n  "units": [`);
  let first = true;
  for await (const units of unitPages(db, vote)) {
    await write(units.map((u) => `${first ? ((first = false), '\n    ') : ',\n    '}${JSON.stringify(recordUnit(u))}`).join(''));
  }
  await write(`${first ? '' : '\n  '}],\n  "ballots": [`);
  first = true;
  for await (const ballots of ballotPages(db, vote, question.id)) {
    await write(ballots.map((b) => `${first ? ((first = false), '\n    ') : ',\n    '}${JSON.stringify(recordBallot(b))}`).join(''));
  }
  await write(`${first ? '' : '\n  '}]\n}\n`);
}

async function* unitPages(db: Db, vote: VoteRow): AsyncGenerator<RecordUnit[]> {
  let after: string | null = null;
  for (;;) {
    // uuid order is the order of their text, which is the record's
    const rows = await db
      .select()
      .from(voteUnits)
      .where(and(eq(voteUnits.communityId, vote.communityId), eq(voteUnits.voteId, vote.id), after ? gt(voteUnits.unitId, after) : undefined))
      .orderBy(asc(voteUnits.unitId))
      .limit(PAGE);
    if (!rows.length) return;
    const owners = await db
      .select({ unitId: voteUnitOwners.unitId, personId: voteUnitOwners.personId })
      .from(voteUnitOwners)
      .where(and(eq(voteUnitOwners.communityId, vote.communityId), eq(voteUnitOwners.voteId, vote.id), inArray(voteUnitOwners.unitId, rows.map((r) => r.unitId))));
    const ownersOf = new Map<string, string[]>();
    for (const o of owners) ownersOf.set(o.unitId, [...(ownersOf.get(o.unitId) ?? []), o.personId]);
    yield rows.map((u) => toRecordUnit(u, ownersOf.get(u.unitId) ?? []));
    after = rows[rows.length - 1].unitId;
  }
}

export function toRecordUnit(u: typeof voteUnits.$inferSelect, ownerIds: string[]): RecordUnit {
  return {
    unitId: u.unitId,
    areas: { registered: u.areaRegisteredCenti, surveyed: u.areaSurveyedCenti, contract: u.areaContractCenti },
    ownerIds: [...ownerIds].sort(),
    voterId: u.voterPersonId,
    developer: u.developer,
    parking: u.parking,
  };
}

async function* ballotPages(db: Db, vote: VoteRow, questionId: string): AsyncGenerator<{ voter: string; content: BallotContent }[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select({ subjectKey: voteBallots.subjectKey, voter: voteBallots.voterPersonId, content: voteBallots.content })
      .from(voteBallots)
      .where(and(
        eq(voteBallots.communityId, vote.communityId), eq(voteBallots.voteId, vote.id), eq(voteBallots.questionId, questionId),
        after ? gt(voteBallots.subjectKey, after) : undefined,
      ))
      .orderBy(asc(voteBallots.subjectKey))
      .limit(PAGE);
    if (!rows.length) return;
    yield rows.map((r) => ({ voter: r.voter, content: r.content as BallotContent }));
    after = rows[rows.length - 1].subjectKey;
  }
}
