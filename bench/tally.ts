// bench/tally: (a) counting one vote of 1,000,000 ballots (a street-wide consultation, ~1,000,000
// voting subjects) on PostgreSQL, through the platform's real count path (countVote: the database
// sums the ballots over the subjects' frozen areas, the tally core decides on the sums), against
// its ceiling: one `SELECT … GROUP BY` over the same ballots table; then the phases of the real
// path, to show where the time goes, and what comes after (publication sealing the receipts in
// their Merkle root, a page of subjects, the streamed record). (b) the pure in-memory tally of
// 100,000 subjects.
// Prints figures; never passes or fails on time.
//
//   npm run bench:tally -- [--pg postgres://…] [--subjects 1000000] [--memory-subjects 100000] [--only db|memory] [--keep]
//
// The voting tables are seeded straight with generate_series (the electorate as the open command
// freezes it: one owner per unit, who is its voter). A scratch database is created and dropped.

import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { systemActor } from '../src/server/platform/actor.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import type { Database } from '../src/server/platform/db.ts';
import { createCommunity, createCompound, createDistrict, createStreet } from '../src/server/modules/registry/index.ts';
import { countVote } from '../src/server/modules/voting/commands/count-vote.ts';
import { publishVote } from '../src/server/modules/voting/commands/publish-vote.ts';
import { merkleRoot } from '../src/server/modules/voting/domain/merkle.ts';
import { decideFigures, decisionRule, NO_FIGURES, recountDocument } from '../src/server/modules/voting/domain/index.ts';
import { currentLeaves } from '../src/server/modules/voting/repo/ballots.ts';
import { sealedProof } from '../src/server/modules/voting/repo/merkle.ts';
import { ballotFigures, electorateFigures, parkingUnitIds } from '../src/server/modules/voting/repo/figures.ts';
import { findVote } from '../src/server/modules/voting/repo/votes.ts';
import { recordQuestion, writeVoteRecord } from '../src/server/modules/voting/voting.record.ts';
import { subjectPage } from '../src/server/modules/voting/voting.subjects.ts';
import { scratchPostgres } from './support/database.ts';

const { values } = parseArgs({
  options: {
    pg: { type: 'string', default: process.env.SIYI_BENCH_PG ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    subjects: { type: 'string', default: '1000000' },
    'memory-subjects': { type: 'string', default: '100000' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const SUBJECTS = Number(values.subjects);
const MEMORY_SUBJECTS = Number(values['memory-subjects']);
const DB_NAME = 'siyi_bench_tally';
const DAY = 86_400_000;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (n: number) => `${n.toFixed(0).padStart(7)} ms`;
async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const took = ms(t0);
  console.log(`    ${label.padEnd(58)} ${fmt(took)}`);
  return { value, ms: took };
}

const scratchDatabase = () => scratchPostgres(values.pg!, DB_NAME);

/** One closed vote with one decision question, its frozen electorate of `n` subjects, and a ballot from each. */
async function seed(database: Database, n: number) {
  const ctx = { db: database.db, actor: systemActor('bench') };
  const district = await createDistrict(ctx, { code: 'TD', name: '基准区' });
  const street = await createStreet(ctx, { districtId: district.id, code: 'TS', name: '基准街道' });
  const community = await createCommunity(ctx, { streetId: street.id, code: 'TC', name: '基准社区' });
  const compound = await createCompound(ctx, { communityId: community.id, code: 'TX', name: '全街道征询' });
  const c = community.id;
  const voteId = randomUUID();
  const questionId = randomUUID();
  const now = Date.now();
  await database.query(
    `insert into votes (community_id, id, compound_id, convener_kind, title, notice_text, preset, options, state, notice_at, opens_at, closes_at, announced_at, opened_at, closed_at, created_by)
     values ($1, $2, $3, 'community', '全街道征询', '基准', 'cn-civil-code-2021', '{"parkingInVotingArea": false}', 'closed', $4, $5, $6, $4, $5, $6, 'bench')`,
    [c, voteId, compound.id, new Date(now - 40 * DAY), new Date(now - 20 * DAY), new Date(now - DAY)],
  );
  await database.query(`insert into vote_questions (community_id, id, vote_id, position, title, item, kind) values ($1, $2, $3, 1, '是否同意', 9, 'decision')`, [c, questionId, voteId]);
  const series = `from generate_series(0, ${n - 1}) as i`;
  const person = `md5('p' || i)::uuid`;
  const area = `(6000 + (i * 37) % 9000)`;
  const steps: [string, string][] = [
    ['vote_units', `insert into vote_units (community_id, vote_id, unit_id, building_id, building_name, number, use, holder_status, developer, parking, area_registered_centi, voter_person_id, subject_key)
      select $1, $2, md5('u' || i)::uuid, md5('b' || (i / 2000))::uuid, (i / 2000) || '栋', lpad((i % 2000)::text, 4, '0'), 'residential', 'owned', false, false, ${area}, ${person}, ${person}::text ${series}`],
    ['vote_unit_owners', `insert into vote_unit_owners (community_id, vote_id, unit_id, person_id) select $1, $2, md5('u' || i)::uuid, ${person} ${series}`],
    ['vote_subjects', `insert into vote_subjects (community_id, vote_id, key, representatives, area_centi, developer) select $1, $2, ${person}::text, jsonb_build_array(${person}::text), ${area}, false ${series}`],
    ['vote_voters', `insert into vote_voters (community_id, vote_id, person_id, subject_key) select $1, $2, ${person}, ${person}::text ${series}`],
  ];
  for (const [table, sql] of steps) await timed(`seed ${table}`, () => database.query(sql, [c, voteId]));
  await timed('seed vote_ballots', () => database.query(
    `insert into vote_ballots (community_id, id, vote_id, question_id, subject_key, voter_person_id, channel, content, receipt_leaf, cast_by, cast_at)
     select $1, gen_random_uuid(), $2, $3, ${person}::text, ${person}, 'online',
            case when i % 10 < 6 then '{"choice": "for"}' when i % 10 < 9 then '{"choice": "against"}' else '{"choice": "abstain"}' end::jsonb,
            encode(sha256(('r' || i)::bytea), 'hex'), 'bench', now() ${series}`,
    [c, voteId, questionId],
  ));
  await timed('analyze', () => database.exec('analyze'));
  return { communityId: c, compoundId: compound.id, voteId, questionId };
}

/** The ceiling: every ballot's choice with its subject's area, summed per choice in one statement. */
const CEILING_SQL = `
  select b.content ->> 'choice' as choice, count(*)::int as heads, sum(s.area_centi)::bigint as area_centi
  from vote_ballots b
  join vote_subjects s on s.community_id = b.community_id and s.vote_id = b.vote_id and s.key = b.subject_key
  where b.community_id = $1 and b.vote_id = $2 and b.question_id = $3
  group by 1`;

async function databaseBench() {
  console.log(`bench/tally (a) — count one vote of ${SUBJECTS.toLocaleString('en')} ballots / subjects on PostgreSQL`);
  const { database } = await scratchDatabase();
  const v = await seed(database, SUBJECTS);
  const key = { id: v.voteId, communityId: v.communityId };

  console.log('  ceiling: one SELECT … GROUP BY over the ballots (joined to the subjects\u2019 areas)');
  await database.query(CEILING_SQL, [v.communityId, v.voteId, v.questionId]); // warm the cache
  const ceilings: number[] = [];
  for (let i = 0; i < 3; i++) ceilings.push((await timed('SELECT … GROUP BY', () => database.query(CEILING_SQL, [v.communityId, v.voteId, v.questionId]))).ms);
  const ceiling = Math.min(...ceilings);

  console.log('  phases of the real path (the functions countVote calls, one after the other):');
  const total = await timed('electorateFigures (all subjects)', () => electorateFigures(database.db, key));
  const sums = await timed('ballotFigures (ballots by choice)', () => ballotFigures(database.db, key));
  await timed('parkingUnitIds (the parking spaces, for the report of those left out)', () => parkingUnitIds(database.db, key));
  await timed('decideFigures (the tally core on the sums)', () => {
    const of = (k: string) => sums.value.get(v.questionId)?.get(k) ?? NO_FIGURES;
    const decided = decisionRule({ preset: 'cn-civil-code-2021', item: 9, options: {} });
    if (!decided.ok) throw new Error('rule');
    const all = of('all');
    return decideFigures(decided.value, { total: total.value, for: of('for'), against: of('against'), abstain: of('abstain'), noBallot: { ...total.value, heads: total.value.heads - all.heads, area: total.value.area - all.area } });
  });

  console.log('  the real path: countVote (one transaction: lock, sums, decide, store the result, audit)');
  const ctx = { db: database.db, actor: systemActor('bench'), clock: systemClock };
  const ref = { id: v.voteId, communityId: v.communityId, compoundId: v.compoundId };
  // best of 3, as the ceiling is: between runs the vote goes back to closed and its results go
  // (a bench-only reset; each run leaves its own audit event)
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i) {
      await database.query('delete from vote_results where community_id = $1 and vote_id = $2', [v.communityId, v.voteId]);
      await database.query(`update votes set state = 'closed', counted_at = null where community_id = $1 and id = $2`, [v.communityId, v.voteId]);
    }
    runs.push((await timed('countVote', () => countVote(ctx, ref))).ms);
  }
  console.log(`  ratio countVote / ceiling, best of 3 each: ${(Math.min(...runs) / ceiling).toFixed(2)}× (goal ≤ 1.5×)`);

  console.log('  publication seals the receipts in their Merkle root (not part of the count):');
  const leaves = await timed('currentLeaves (the receipts of the counted ballots)', () => currentLeaves(database.db, key));
  await timed('merkleRoot', () => merkleRoot(leaves.value));
  leaves.value = null as never;
  await timed('publishVote (lock, leaves, tree stored level by level, root, audit)', () => publishVote(ctx, ref));
  const [{ leaf }] = await database.query<{ leaf: string }>('select receipt_leaf as leaf from vote_ballots where vote_id = $1 offset 777777 limit 1', [v.voteId]);
  await timed('sealedProof (an owner checks a receipt)', () => sealedProof(database.db, key, leaf));

  console.log('  after the count: the subjects page by page, and the streamed record');
  const vote = (await findVote(database.db, v.voteId))!;
  const question = await recordQuestion(database.db, vote, v.questionId);
  await timed('subjectPage, first 50', () => subjectPage(database.db, vote, question, { offset: 0, limit: 50 }));
  await timed(`subjectPage, 50 at offset ${SUBJECTS - 50}`, () => subjectPage(database.db, vote, question, { offset: SUBJECTS - 50, limit: 50 }));
  const [{ key: lastButFifty }] = await database.query<{ key: string }>(`select key from vote_subjects where vote_id = $1 order by key collate "C" offset ${SUBJECTS - 51} limit 1`, [v.voteId]);
  await timed('subjectPage, the last 50 by keyset (?after=)', () => subjectPage(database.db, vote, question, { offset: 0, limit: 50, after: lastButFifty }));
  let bytes = 0;
  await timed('writeVoteRecord (the whole export, to nowhere)', () => writeVoteRecord(database.db, vote, question, (text) => { bytes += Buffer.byteLength(text); }));
  console.log(`      record: ${(bytes / 1e6).toFixed(0)} MB`);

  await database.close();
  if (!values.keep) {
    const admin = new pg.Client({ connectionString: values.pg });
    await admin.connect();
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  } else console.log(`  kept the database ${DB_NAME}`);
}

/** A siyi.vote-record/1 document of n sole-owner units, every tenth subject silent. */
function memoryRecord(n: number) {
  const units = Array.from({ length: n }, (_, i) => ({ id: `u${i}`, area: { registered: `${60 + (i * 37) % 90}.${String(i % 100).padStart(2, '0')}` }, owners: [`p${i}`] }));
  const choices = ['for', 'for', 'for', 'for', 'for', 'for', 'against', 'against', 'abstain'];
  const ballots = units.flatMap((_, i) => (i % 10 === 9 ? [] : [{ voter: `p${i}`, choice: choices[i % 9] }]));
  return { format: 'siyi.vote-record/1', kind: 'decision', rule: { preset: 'cn-civil-code-2021', item: 4 }, units, ballots };
}

async function memoryBench() {
  console.log(`bench/tally (b) — the pure tally of ${MEMORY_SUBJECTS.toLocaleString('en')} subjects, in memory`);
  const document = memoryRecord(MEMORY_SUBJECTS);
  recountDocument(memoryRecord(1000)); // warm the JIT
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const result = recountDocument(document);
    runs.push(ms(t0));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
  console.log(`    recountDocument (parse, validate, subjects, count, explain): best ${fmt(Math.min(...runs))} of ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);
}

if (values.only !== 'db') await memoryBench();
if (values.only !== 'memory') await databaseBench();
