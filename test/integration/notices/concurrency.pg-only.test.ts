import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import type { Database } from '../../../src/server/platform/db.ts';
import { publishNotice } from '../../../src/server/modules/notices/index.ts';
import { answerObjection } from '../../../src/server/modules/notices/commands/answer-objection.ts';
import { raiseObjection } from '../../../src/server/modules/notices/commands/raise-objection.ts';
import { ownerPlaces } from '../../../src/server/modules/notices/notices.borders.ts';
import { freshDatabase } from '../../support/db.ts';
import { buildCommunity, buildCompound, buildPerson, buildUnit, own } from '../../support/factories.ts';
import { T0 } from './support.ts';

// Races that only a server with several connections can run: the row locks decide them.

let database: Database;
let communityId: string;
let compoundId: string;
const ctx = () => ({ db: database.db, actor: systemActor('test'), now: T0 });

beforeAll(async () => {
  database = await freshDatabase();
  communityId = (await buildCommunity(database.db)).id;
  compoundId = (await buildCompound(database.db, { communityId })).id;
});
afterAll(() => database.close());

const input = (subjectId: string, over: Record<string, unknown> = {}) => ({
  communityId, compoundId, subjectType: 'matter_resolution', subjectId, title: 'Notice', body: 'Body', ...over,
});

describe('concurrency', () => {
  it('publishes one of two corrections of the same notice at once; the other is a conflict', async () => {
    const subjectId = randomUUID();
    const old = await publishNotice(ctx(), input(subjectId));
    const results = await Promise.allSettled([1, 2].map(() => publishNotice(ctx(), input(subjectId, { correctsId: old.id }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [failure] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failure.reason).toMatchObject({ code: 'conflict', details: { reason: 'already_corrected' } });
    const rows = await database.query('select id from notices where corrects_id = $1', [old.id]);
    expect(rows).toHaveLength(1);
  });

  it('records one of two answers to the same objection given at once', async () => {
    const person = await buildPerson(database.db, { communityId });
    const unit = await buildUnit(database.db, { compound: { id: compoundId, communityId } });
    await own(database.db, unit, person);
    const resident: Actor = { kind: 'owner', phone: person.phone!, personIds: [person.id], scope: { ...emptyScope(), ownUnits: new Map([[unit.id, communityId]]) } };
    const notice = await publishNotice(ctx(), input(randomUUID()));
    const objection = await raiseObjection({ db: database.db, actor: resident, now: T0 }, { communityId, id: notice.id }, await ownerPlaces(database.db, resident), 'x');
    const results = await Promise.allSettled(['first', 'second'].map((a) => answerObjection(ctx(), objection, a)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict', details: { reason: 'already_answered' } } });
    const events = await database.query('select kind from audit_events where object_id = $1', [objection.id]);
    expect(events.map((e) => (e as { kind: string }).kind)).toEqual(['notices.objection_raised', 'notices.objection_answered']);
  });
});
