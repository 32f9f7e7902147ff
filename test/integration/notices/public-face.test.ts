import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import { transaction } from '../../../src/server/platform/command.ts';
import type { Database } from '../../../src/server/platform/db.ts';
import { noticesForSubject, noticeStatus, publishNotice } from '../../../src/server/modules/notices/index.ts';
import { answerObjection } from '../../../src/server/modules/notices/commands/answer-objection.ts';
import { raiseObjection } from '../../../src/server/modules/notices/commands/raise-objection.ts';
import { ownerPlaces } from '../../../src/server/modules/notices/notices.borders.ts';
import { freshDatabase } from '../../support/db.ts';
import { buildCommunity, buildCompound, buildPerson, buildUnit, own } from '../../support/factories.ts';
import { auditHead, auditKindsSince, DAY, T0 } from './support.ts';

// The face the consultation module codes against: publishNotice in the caller's transaction,
// noticeStatus and noticesForSubject, driven without HTTP.

let database: Database;
let communityId: string;
let compound: { id: string; communityId: string };
let resident: Actor;
const system = systemActor('test');
const ctx = (now: Date, db = database.db) => ({ db, actor: system, now });

beforeAll(async () => {
  database = await freshDatabase();
  communityId = (await buildCommunity(database.db)).id;
  compound = await buildCompound(database.db, { communityId });
  const person = await buildPerson(database.db, { communityId });
  const unit = await buildUnit(database.db, { compound });
  await own(database.db, unit, person);
  resident = { kind: 'owner', phone: person.phone!, personIds: [person.id], scope: { ...emptyScope(), ownUnits: new Map([[unit.id, communityId]]) } };
});
afterAll(() => database.close());

const input = (over: Record<string, unknown> = {}) => ({
  communityId, compoundId: compound.id, subjectType: 'matter_resolution', subjectId: randomUUID(), title: '决议公示', body: '决议全文', ...over,
});

describe('publishNotice', () => {
  it('publishes inside the caller\u2019s transaction with exactly one audit event', async () => {
    const head = await auditHead(database, communityId);
    const result = await transaction(database.db, (tx) => publishNotice(ctx(T0, tx), input()));
    expect(result.postingEndsAt).toBe(new Date(T0.getTime() + 7 * DAY).toISOString());
    expect(await auditKindsSince(database, communityId, head)).toEqual(['notices.notice_published']);
    const [row] = await database.query<{ state: string; issuer_kind: string; reply_days: number }>('select state, issuer_kind, reply_days from notices where id = $1', [result.id]);
    expect(row).toEqual({ state: 'published', issuer_kind: 'community', reply_days: 3 });
  });

  it('rolls back with the caller: no notice and no audit event remain', async () => {
    const head = await auditHead(database, communityId);
    let id = '';
    await expect(transaction(database.db, async (tx) => {
      id = (await publishNotice(ctx(T0, tx), input())).id;
      throw new Error('the matter could not move');
    })).rejects.toThrow('the matter could not move');
    expect(await database.query('select id from notices where id = $1', [id])).toEqual([]);
    expect(await auditKindsSince(database, communityId, head)).toEqual([]);
  });

  it('also works on a plain handle, in a transaction of its own', async () => {
    const { id } = await publishNotice(ctx(T0), input({ postingDays: 14 }));
    expect((await noticeStatus(database.db, id, T0)).postingEndsAt).toBe(new Date(T0.getTime() + 14 * DAY).toISOString());
  });

  it('refuses a posting period under the minimum and a foreign compound, naming the field', async () => {
    await expect(publishNotice(ctx(T0), input({ postingDays: 5 }))).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'postingDays' } });
    await expect(publishNotice(ctx(T0), input({ compoundId: randomUUID() }))).rejects.toMatchObject({ code: 'validation_failed', message: /^compoundId: / });
    await expect(publishNotice(ctx(T0), input({ title: '  ' }))).rejects.toMatchObject({ message: 'title: must not be empty' });
    await expect(publishNotice(ctx(T0), input({ subjectType: 'nope' }))).rejects.toMatchObject({ message: /^subjectType: / });
  });
});

describe('noticeStatus and noticesForSubject', () => {
  it('follow the clock, the objections and the correction chain', async () => {
    const subjectId = randomUUID();
    const first = await publishNotice(ctx(T0), input({ subjectId }));
    expect(await noticeStatus(database.db, first.id, T0)).toEqual({
      id: first.id, published: true, postingEnded: false, postingEndsAt: first.postingEndsAt, openObjections: 0, overdueObjections: 0, correctedById: null,
    });

    const places = await ownerPlaces(database.db, resident);
    const objection = await raiseObjection({ db: database.db, actor: resident, now: new Date(T0.getTime() + DAY) }, { communityId, id: first.id }, places, '有异议');
    expect(await noticeStatus(database.db, first.id, new Date(T0.getTime() + 4 * DAY))).toMatchObject({ openObjections: 1, overdueObjections: 0 });
    expect(await noticeStatus(database.db, first.id, new Date(T0.getTime() + 4 * DAY + 1))).toMatchObject({ openObjections: 1, overdueObjections: 1 });

    const later = new Date(T0.getTime() + 7 * DAY);
    expect(await noticeStatus(database.db, first.id, later)).toMatchObject({ postingEnded: true });
    await answerObjection({ db: database.db, actor: system, now: later }, objection, '已答复');
    expect(await noticeStatus(database.db, first.id, later)).toMatchObject({ openObjections: 0, overdueObjections: 0 });

    const fix = await publishNotice(ctx(later), input({ subjectId, correctsId: first.id, title: '更正' }));
    expect((await noticeStatus(database.db, first.id, later)).correctedById).toBe(fix.id);
    await expect(publishNotice(ctx(later), input({ subjectId, correctsId: first.id }))).rejects.toMatchObject({ code: 'conflict', details: { reason: 'already_corrected' } });

    expect(await noticesForSubject(database.db, 'matter_resolution', subjectId)).toEqual([
      { id: first.id, title: '决议公示', publishedAt: T0.toISOString(), postingEndsAt: first.postingEndsAt },
      { id: fix.id, title: '更正', publishedAt: later.toISOString(), postingEndsAt: fix.postingEndsAt },
    ]);
    expect(await noticesForSubject(database.db, 'matter_results', subjectId)).toEqual([]);
  });

  it('answers not_found for an unknown notice', async () => {
    await expect(noticeStatus(database.db, randomUUID(), T0)).rejects.toMatchObject({ code: 'not_found' });
  });
});
