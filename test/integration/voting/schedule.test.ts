import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/server/app.ts';
import { loadConfig } from '../../../src/server/platform/config.ts';
import { rowsOf } from '../../../src/server/platform/db.ts';
import {
  dueVotes, moveDueVotes, runVoteSchedule, ScheduleMemory, SCHEDULE_ACTOR, type ScheduleContext, type ScheduleLog,
} from '../../../src/server/modules/voting/voting.scheduler.ts';
import { draft, expectStatus, ownerClient, staffClient, votingWorld, type Client, type VotingWorld } from './world.ts';

// The schedule opens announced votes at their opening time and closes open votes after their
// closing time, through the same row-locked commands as a person, on both databases.

let w: VotingWorld;
let committee: Client;
beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
});
afterAll(() => w.t.close());

const HOUR = 3_600_000;

/** A log that keeps what the schedule says, by level. */
function keptLog() {
  const lines: { level: 'info' | 'warn' | 'debug'; details: Record<string, unknown>; message: string }[] = [];
  const at = (level: 'info' | 'warn' | 'debug') => (details: object, message: string) => void lines.push({ level, details: details as Record<string, unknown>, message });
  const log: ScheduleLog = { info: at('info'), warn: at('warn'), debug: at('debug') };
  return { log, lines };
}

const ctx = (over: Partial<ScheduleContext> = {}): ScheduleContext => ({ db: w.db, clock: w.clock, log: keptLog().log, ...over });

async function announced(over: Record<string, unknown> = {}) {
  const vote = expectStatus(await committee.post('/api/votes', draft(w, over)), 201);
  expectStatus(await committee.post(`/api/votes/${vote.id}/announce`), 200);
  return vote as { id: string; opensAt: string; closesAt: string };
}

const at = (iso: string, deltaMs = 0) => new Date(new Date(iso).getTime() + deltaMs);
const stateOf = async (id: string) => expectStatus(await committee.get(`/api/votes/${id}`), 200).state as string;

interface EventRow {
  kind: string;
  actor_label: string;
  actor_user_id: string | null;
  after: Record<string, unknown> | null;
}
const eventsOf = async (id: string) =>
  rowsOf<EventRow>(await w.db.execute(sql`select kind, actor_label, actor_user_id, after from audit_events where object_type = 'vote' and object_id = ${id} order by seq`));

describe('the vote schedule', () => {
  it('opens an announced vote at its opening time, not a millisecond before, freezing the electorate as a person would', async () => {
    const vote = await announced();
    w.clock.set(at(vote.opensAt, -1));
    expect((await runVoteSchedule(ctx())).opened).not.toContain(vote.id);
    expect(await stateOf(vote.id)).toBe('announced');

    w.clock.set(vote.opensAt);
    const { log, lines } = keptLog();
    const outcome = await runVoteSchedule(ctx({ log }));
    expect(outcome.opened).toContain(vote.id);
    expect(outcome.failed).toEqual([]);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', details: expect.objectContaining({ voteId: vote.id, move: 'open' }) }));

    const view = expectStatus(await committee.get(`/api/votes/${vote.id}`), 200);
    expect(view).toMatchObject({ state: 'open', openedAt: vote.opensAt });
    const roll = expectStatus(await committee.get(`/api/votes/${vote.id}/roll?pageSize=200`), 200);
    expect(roll).toMatchObject({ frozen: true, totals: { units: 30, heads: 24 } });
    const opened = (await eventsOf(vote.id)).filter((e) => e.kind === 'voting.vote_opened');
    expect(opened).toEqual([
      expect.objectContaining({ actor_label: SCHEDULE_ACTOR, actor_user_id: null, after: expect.objectContaining({ state: 'open', electorate: expect.objectContaining({ units: 30, heads: 24 }) }) }),
    ]);

    // the next tick has nothing more to do with it
    expect((await runVoteSchedule(ctx())).opened).not.toContain(vote.id);
    expect((await eventsOf(vote.id)).filter((e) => e.kind === 'voting.vote_opened')).toHaveLength(1);
  });

  it('closes an open vote once its closing time has passed; owners cast until then', async () => {
    const vote = await announced();
    w.clock.set(vote.opensAt);
    expect((await runVoteSchedule(ctx())).opened).toContain(vote.id);

    w.clock.set(at(vote.closesAt, -1));
    expect((await runVoteSchedule(ctx())).closed).not.toContain(vote.id);
    expect(await stateOf(vote.id)).toBe('open');

    w.clock.set(vote.closesAt);
    const outcome = await runVoteSchedule(ctx());
    expect(outcome.closed).toContain(vote.id);
    expect(expectStatus(await committee.get(`/api/votes/${vote.id}`), 200)).toMatchObject({ state: 'closed', closedAt: vote.closesAt });
    const kinds = (await eventsOf(vote.id)).map((e) => [e.kind, e.actor_label]);
    expect(kinds.slice(-2)).toEqual([['voting.vote_opened', SCHEDULE_ACTOR], ['voting.vote_closed', SCHEDULE_ACTOR]]);
  });

  it('never touches a draft or a cancelled vote', async () => {
    const drafted = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    const cancelledBefore = await announced();
    expectStatus(await committee.post(`/api/votes/${cancelledBefore.id}/cancel`, { reason: 'the committee withdrew it' }), 200);
    const openedThenCancelled = await announced();
    w.clock.set(openedThenCancelled.opensAt);
    expectStatus(await committee.post(`/api/votes/${openedThenCancelled.id}/open`), 200);
    expectStatus(await committee.post(`/api/votes/${openedThenCancelled.id}/cancel`, { reason: 'wrong question' }), 200);

    const ids = [drafted.id, cancelledBefore.id, openedThenCancelled.id];
    const before = await Promise.all(ids.map(eventsOf));
    for (const moment of [drafted.opensAt, drafted.closesAt]) {
      w.clock.set(at(moment, HOUR));
      const outcome = await runVoteSchedule(ctx());
      for (const id of ids) {
        expect(outcome.opened).not.toContain(id);
        expect(outcome.closed).not.toContain(id);
        expect(outcome.failed.map((f) => f.id)).not.toContain(id);
      }
    }
    expect(await Promise.all(ids.map(stateOf))).toEqual(['draft', 'cancelled', 'cancelled']);
    expect(await Promise.all(ids.map(eventsOf))).toEqual(before);
  });

  it('skips, without an error, a vote that a person opened after the schedule found it due', async () => {
    const vote = await announced();
    w.clock.set(vote.opensAt);
    const found = (await dueVotes(w.db, 'open', w.clock.now())).filter((v) => v.id === vote.id);
    expect(found).toHaveLength(1);
    expectStatus(await committee.post(`/api/votes/${vote.id}/open`), 200);

    const { log, lines } = keptLog();
    const outcome = await moveDueVotes(ctx({ log }), 'open', found, { opened: [], closed: [], failed: [] });
    expect(outcome).toEqual({ opened: [], closed: [], failed: [] });
    expect(lines).toEqual([]);
    const opened = (await eventsOf(vote.id)).filter((e) => e.kind === 'voting.vote_opened');
    expect(opened.map((e) => e.actor_label)).toEqual([`user:${w.staff.committee.username}`]);
    expect((await runVoteSchedule(ctx())).opened).not.toContain(vote.id);
  });

  it('goes on with the other votes when one cannot open, reports it once and tries it again later', async () => {
    const stuck = await announced();
    const fine = await announced({ opensAt: at(stuck.opensAt, HOUR).toISOString(), closesAt: at(stuck.closesAt, HOUR).toISOString() });
    const owner = await ownerClient(w, w.soleOwners[0]);
    const request = expectStatus(await owner.post(`/api/votes/${stuck.id}/corrections`, { unitId: w.units[7].id, text: 'The registered area is wrong' }), 201);

    w.clock.set(fine.opensAt);
    expect((await dueVotes(w.db, 'open', w.clock.now())).map((v) => v.id).slice(-2)).toEqual([stuck.id, fine.id]); // the stuck one is tried first
    const memory = new ScheduleMemory();
    const first = keptLog();
    const outcome = await runVoteSchedule(ctx({ log: first.log, memory }));
    expect(outcome.opened).toContain(fine.id);
    expect(outcome.failed).toEqual([{ id: stuck.id, message: expect.stringContaining('correction request(s) to the roll are unanswered') }]);
    expect(first.lines.filter((l) => l.level !== 'info')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ voteId: stuck.id, move: 'open' }), message: expect.stringContaining(stuck.id) }),
    ]);
    expect([await stateOf(stuck.id), await stateOf(fine.id)]).toEqual(['announced', 'open']);

    // within the retry delay the schedule leaves it alone
    w.clock.advance(60_000);
    expect((await runVoteSchedule(ctx({ memory }))).failed).toEqual([]);
    // after it, a failure for the same reason is not news: logged below warning
    w.clock.advance(5 * 60_000);
    const again = keptLog();
    expect((await runVoteSchedule(ctx({ log: again.log, memory }))).failed.map((f) => f.id)).toEqual([stuck.id]);
    expect(again.lines.filter((l) => l.details.voteId === stuck.id).map((l) => l.level)).toEqual(['debug']);

    expectStatus(await committee.post(`/api/votes/${stuck.id}/corrections/${request.id}/answer`, { answer: 'Checked against the certificate', accepted: false }), 200);
    w.clock.advance(5 * 60_000);
    expect((await runVoteSchedule(ctx({ memory }))).opened).toContain(stuck.id);
    expect(await stateOf(stuck.id)).toBe('open');
  });

  it('runs by itself on a timer when buildApp asks for it, and stops when the app closes', async () => {
    const scheduled = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', SIYI_DEMO: '0' }), database: w.t.database, serveWeb: false, clock: w.clock, voteSchedule: { everyMs: 20 },
    });
    await scheduled.ready();
    const vote = await announced();
    w.clock.set(vote.opensAt);
    await vi.waitFor(async () => expect(await stateOf(vote.id)).toBe('open'), { timeout: 10_000, interval: 50 });
    await scheduled.close();

    const later = await announced();
    w.clock.set(later.opensAt);
    await new Promise((r) => setTimeout(r, 200)); // ten periods of the closed app's timer
    expect(await stateOf(later.id)).toBe('announced');
    expect((await eventsOf(vote.id)).find((e) => e.kind === 'voting.vote_opened')?.actor_label).toBe(SCHEDULE_ACTOR);
  });
});
