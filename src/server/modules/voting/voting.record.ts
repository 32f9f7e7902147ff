import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { conflict, type VoteRow } from './commands/support.ts';
import { recordBallot, recordHead, recordUnit, type BallotContent, type RecordUnit } from './domain/export-record.ts';
import type { PresetId, VoteOptions } from './domain/presets.ts';
import { questionsOf, type QuestionRow } from './repo/votes.ts';
import type { voteUnits } from './voting.tables.ts';
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
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // uuid order is the order of their text, which is the record's; owners come sorted the same way
    const rows = rowsOf<UnitRow>(await db.execute(sql`
      select u.unit_id::text as "unitId", u.area_registered_centi as registered, u.area_surveyed_centi as surveyed, u.area_contract_centi as contract,
             u.voter_person_id::text as "voterId", u.developer, u.parking,
             array(select o.person_id::text from vote_unit_owners o
                   where o.community_id = u.community_id and o.vote_id = u.vote_id and o.unit_id = u.unit_id order by o.person_id) as owners
      from vote_units u
      where u.community_id = ${vote.communityId} and u.vote_id = ${vote.id} and u.unit_id > ${after}::uuid
      order by u.unit_id limit ${PAGE}`));
    if (!rows.length) return;
    yield rows.map((u) => ({
      unitId: u.unitId,
      areas: { registered: u.registered, surveyed: u.surveyed, contract: u.contract },
      ownerIds: u.owners,
      voterId: u.voterId,
      developer: u.developer,
      parking: u.parking,
    }));
    after = rows[rows.length - 1].unitId;
  }
}

interface UnitRow {
  unitId: string;
  registered: number | null;
  surveyed: number | null;
  contract: number | null;
  voterId: string | null;
  developer: boolean;
  parking: boolean;
  owners: string[];
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
    const rows: { subjectKey: string; voter: string; content: BallotContent }[] = rowsOf(await db.execute(sql`
      select subject_key as "subjectKey", voter_person_id::text as voter, content
      from vote_ballots
      where community_id = ${vote.communityId} and vote_id = ${vote.id} and question_id = ${questionId}
        ${after === null ? sql`` : sql`and subject_key > ${after}`}
      order by subject_key limit ${PAGE}`));
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].subjectKey;
  }
}
