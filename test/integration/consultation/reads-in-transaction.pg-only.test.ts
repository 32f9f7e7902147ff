import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import { transaction } from '../../../src/server/platform/command.ts';
import { jointMeetingRecordForMatter } from '../../../src/server/modules/meetings/index.ts';
import { noticeStatus, publishNotice } from '../../../src/server/modules/notices/index.ts';
import { overdueMatters, viewerOf } from '../../../src/server/modules/consultation/index.ts';
import { holdJointMeeting, matterAt, type World, consultationWorld } from './world.ts';

// Functions that modules offer each other through index.ts may be handed the caller's
// transaction: one PostgreSQL client, which takes one query at a time. Two queries issued at once
// on it (Promise.all) make pg warn "client.query() while already executing", an error in pg@9.
// This probe counts the queries in flight per client while the reads run inside a transaction.

const inFlight = new WeakMap<object, number>();
let overlaps: string[] = [];
const originalQuery = pg.Client.prototype.query;

function installProbe() {
  pg.Client.prototype.query = function probedQuery(this: pg.Client, ...args: unknown[]) {
    const running = (inFlight.get(this) ?? 0) + 1;
    inFlight.set(this, running);
    const first = args[0] as string | { text?: string };
    if (running > 1) overlaps.push(typeof first === 'string' ? first : first?.text ?? '?');
    const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    const result = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).finally(done);
    }
    done();
    return result;
  } as typeof pg.Client.prototype.query;
}

let w: World;
beforeAll(async () => {
  w = await consultationWorld();
  installProbe();
});
afterEach(() => {
  overlaps = [];
});
afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await w.t.close();
});

describe('reads other modules call inside a transaction', () => {
  it('the probe notices two queries at once on one client (so the checks below can fail)', async () => {
    await transaction(w.db, (tx) => Promise.all([tx.execute(sql`select pg_sleep(0.05)`), tx.execute(sql`select 1`)]));
    expect(overlaps).toHaveLength(1);
  });

  it("meetings.jointMeetingRecordForMatter, and signing the minutes that records it, run one query at a time", async () => {
    const matter = await matterAt(w, 'deliberate');
    await holdJointMeeting(w, matter.id, { conclusion: 'consensus' });
    const record = await transaction(w.db, (tx) => jointMeetingRecordForMatter(tx, w.communityId, matter.id));
    expect(record).toMatchObject({ allFourPartiesPresent: true, conclusion: 'consensus', minutesLocked: true });
    expect(record!.positions).toHaveLength(4);
    expect(overlaps).toEqual([]);
  });

  it('notices.noticeStatus runs one query at a time', async () => {
    const system = { db: w.db, actor: systemActor('test'), requestId: null, now: w.clock.now() };
    const notice = await publishNotice(system, {
      communityId: w.communityId, compoundId: w.compound.id, subjectType: 'matter_resolution', subjectId: crypto.randomUUID(),
      title: 'Resolution', body: 'The owners resolved.',
    });
    const status = await transaction(w.db, (tx) => noticeStatus(tx, notice.id, w.clock.now()));
    expect(status).toMatchObject({ id: notice.id, published: true, openObjections: 0, correctedById: null });
    expect(overlaps).toEqual([]);
  });

  it("consultation.viewerOf and overdueMatters run one query at a time", async () => {
    const scope = emptyScope();
    for (const h of w.households.slice(0, 3)) scope.ownUnits.set(h.unitId, w.communityId);
    const owner: Actor = { kind: 'owner', phone: w.households[0].owner.phone!, personIds: [w.households[0].owner.id], scope };
    const viewer = await transaction(w.db, (tx) => viewerOf(tx, owner));
    expect(viewer.households).toHaveLength(3);
    await transaction(w.db, (tx) => overdueMatters(tx, undefined, w.clock.now()));
    expect(overlaps).toEqual([]);
  });
});
