import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/server/platform/db.ts';
import { advance, auditEvents, consultationWorld, matterAt, type World } from './world.ts';

// Two staff moving one matter at the same moment, on real PostgreSQL (PGlite has one connection,
// so nothing there is ever simultaneous): exactly one move happens; the other gets a clear 409
// matter_moved; one audit event and one new stay in the step log.

let w: World;
beforeAll(async () => {
  w = await consultationWorld();
});
afterAll(() => w.t.close());

describe('simultaneous moves of one matter', () => {
  it.each([1, 2, 3, 4, 5])('round %i: one success and one 409 matter_moved', async () => {
    const matter = await matterAt(w, 'propose', { signaturesRequired: 0, source: 'community' });
    const before = (await auditEvents(w)).length;
    const [a, b] = await Promise.all([
      advance(w.as('staff'), matter, 'consult', { direction: 'from staff 1' }),
      advance(w.as('staff2'), matter, 'consult', { direction: 'from staff 2' }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses, `${a.body} / ${b.body}`).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({ code: 'conflict', details: { reason: 'matter_moved', step: 'consult', version: 2 } });
    expect(loser.json().error.message).toContain('it is in step consult');

    const events = (await auditEvents(w)).slice(before);
    expect(events.map((e) => e.kind)).toEqual(['consultation.matter_advanced']);
    const log = rowsOf<{ step: string }>(await w.db.execute(sql`select step from matter_step_log where matter_id = ${matter.id} order by seq`));
    expect(log.map((l) => l.step)).toEqual(['consult']);
    const [row] = rowsOf<{ version: number; direction: string }>(await w.db.execute(sql`select version, direction from matters where id = ${matter.id}`));
    expect(row.version).toBe(2);
    const winner = a.statusCode === 200 ? a : b;
    expect(row.direction).toBe(winner.json().direction);
  });

  it('ten staff racing different moves out of one step: exactly one wins', async () => {
    const matter = await matterAt(w, 'propose', { signaturesRequired: 0, source: 'community' });
    const attempts = Array.from({ length: 10 }, (_, i) => i % 2
      ? advance(w.as('staff'), matter, 'declined', { reason: `decline ${i}` })
      : advance(w.as('staff2'), matter, 'consult', { direction: `accept ${i}` }));
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.details.reason)).toEqual(Array(9).fill('matter_moved'));
  });
});
