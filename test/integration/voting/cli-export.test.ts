import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/server/platform/clock.ts';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import { migrate, openDatabase } from '../../../src/server/platform/db.ts';
import { announceVote, closeVote, countVote, createVote, openVote } from '../../../src/server/modules/voting/index.ts';
import { submitBallot } from '../../../src/server/modules/voting/commands/cast-ballot.ts';
import { questionsOf } from '../../../src/server/modules/voting/repo/votes.ts';
import { buildCommunity, buildCompound, buildPerson, buildUnit, own } from '../../support/factories.ts';
import { runCli, tempDataDir } from '../../support/cli.ts';

describe('siyi vote export', () => {
  it('writes the counted record, which `siyi tally` recounts; refuses an uncounted vote and bad ids', async () => {
    const dir = tempDataDir();
    const env = { SIYI_DATA_DIR: dir, DATABASE_URL: undefined };
    const database = await openDatabase({ database: { kind: 'embedded', dataDir: `${dir}/pglite` } });
    await migrate(database);
    const db = database.db;
    const clock = new ManualClock(new Date('2026-05-01T00:00:00Z'));
    const ctx = { db, actor: systemActor('test'), clock };
    const community = await buildCommunity(db);
    const compound = await buildCompound(db, { communityId: community.id });
    const people = [];
    for (let i = 0; i < 3; i++) {
      const person = await buildPerson(db, { communityId: community.id });
      await own(db, await buildUnit(db, { compound, areaCenti: 9000 + i * 100 }), person);
      people.push(person);
    }
    const day = 86_400_000;
    const vote = await createVote(ctx, {
      compoundId: compound.id, title: 'Use the maintenance fund', noticeText: 'notice',
      noticeAt: new Date(clock.now().getTime() + day).toISOString(),
      opensAt: new Date(clock.now().getTime() + 17 * day).toISOString(),
      closesAt: new Date(clock.now().getTime() + 27 * day).toISOString(),
      questions: [{ title: 'Repair the roof', item: 5 }],
    });
    await announceVote(ctx, vote);
    clock.set(vote.opensAt);
    await openVote(ctx, vote);
    const [question] = await questionsOf(db, vote);
    for (const [i, person] of people.entries()) {
      const owner: Actor = { kind: 'owner', phone: person.phone!, personIds: [person.id], scope: emptyScope() };
      await submitBallot({ ...ctx, actor: owner }, vote, { questionId: question.id, body: { choice: i === 2 ? 'against' : 'for' }, idempotencyKey: `cli-test-${i}`, mode: 'cast' });
    }
    clock.set(vote.closesAt);
    await closeVote(ctx, vote);
    await database.close();

    const early = await runCli(['vote', 'export', vote.id], env);
    expect(early.code).toBe(1);
    expect(early.err).toContain('a record exists once it is counted');

    const reopened = await openDatabase({ database: { kind: 'embedded', dataDir: `${dir}/pglite` } });
    await countVote({ ...ctx, db: reopened.db }, vote);
    await reopened.close();

    const file = path.join(dir, 'record.json');
    const exported = await runCli(['vote', 'export', vote.id, '--out', file], env);
    expect(exported.code, exported.err).toBe(0);
    const record = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(record).toMatchObject({ format: 'siyi.vote-record/1', ballots: [expect.anything(), expect.anything(), expect.anything()] });
    const tally = await runCli(['tally', file], env);
    expect(tally.code).toBe(0);
    expect(JSON.parse(tally.out)).toMatchObject({ passed: true, participation: { heads: { value: 3, total: 3 } }, approval: { heads: { value: 2, base: 3 } } });

    expect((await runCli(['vote', 'export', 'nope'], env)).code).toBe(2);
    expect((await runCli(['vote', 'export', '00000000-0000-4000-8000-000000000000'], env)).err).toContain('no vote');
  });
});
