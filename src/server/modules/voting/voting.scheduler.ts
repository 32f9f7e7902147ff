import { and, asc, lte, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { closeVote } from './commands/close-vote.ts';
import { openVote } from './commands/open-vote.ts';
import type { VotingContext } from './commands/support.ts';
import { votes } from './voting.tables.ts';

/**
 * The schedule: opens announced votes once their opening time has come and closes open votes once
 * their closing time has passed, so owners can vote on the announced day even if nobody presses
 * "open". It moves votes through the same commands as a person (the row-locked move of
 * commands/transition.ts), so the state table, the frozen electorate and the audit event are the
 * ones a person's move writes; the audit trail names the schedule as the actor.
 */

/** The actor label the audit trail records for the schedule's moves. */
export const SCHEDULE_ACTOR = 'system:schedule';
export const VOTE_SCHEDULE_EVERY_MS = 30_000;
/** A vote that would not move (an unanswered correction, a gap in the roll) is tried again after this, not every tick: opening a large compound builds its whole roll. */
export const RETRY_FAILED_AFTER_MS = 5 * 60_000;

export type ScheduledMove = 'open' | 'close';
export interface DueVote {
  id: string;
  communityId: string;
  compoundId: string;
}

export interface ScheduleLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

export interface ScheduleContext {
  db: Db;
  clock: Clock;
  log: ScheduleLog;
  /** failures of earlier ticks; the timer keeps one, a single run goes without and tries every due vote */
  memory?: ScheduleMemory;
}

export interface ScheduleOutcome {
  opened: string[];
  closed: string[];
  failed: { id: string; message: string }[];
}

// The state is a literal rather than a parameter, so the planner matches the partial index.
const DUE = {
  open: { inState: sql`${votes.state} = 'announced'`, at: votes.opensAt, run: openVote, done: 'opened' },
  close: { inState: sql`${votes.state} = 'open'`, at: votes.closesAt, run: closeVote, done: 'closed' },
} as const;

/** Votes of every community waiting for this move at `now`, the longest-waiting first. */
export function dueVotes(db: Db, move: ScheduledMove, now: Date): Promise<DueVote[]> {
  const { inState, at } = DUE[move];
  return db
    .select({ id: votes.id, communityId: votes.communityId, compoundId: votes.compoundId })
    .from(votes)
    .where(and(inState, lte(at, now)))
    .orderBy(asc(at), asc(votes.id));
}

/** One tick: opens what is due, then closes what is due (so a window that passed entirely while the server was down opens and closes). */
export async function runVoteSchedule(ctx: ScheduleContext): Promise<ScheduleOutcome> {
  const outcome: ScheduleOutcome = { opened: [], closed: [], failed: [] };
  const stillDue: string[] = [];
  for (const move of ['open', 'close'] as const) {
    const due = await dueVotes(ctx.db, move, ctx.clock.now());
    stillDue.push(...due.map((v) => v.id));
    await moveDueVotes(ctx, move, due, outcome);
  }
  ctx.memory?.keepOnly(stillDue);
  return outcome;
}

/**
 * Moves each vote in its own transaction. A vote that a person or another server moved first
 * (409 wrong_state under the row lock) is skipped silently; any other failure is logged and
 * reported, and the next vote goes on.
 */
export async function moveDueVotes(ctx: ScheduleContext, move: ScheduledMove, due: DueVote[], outcome: ScheduleOutcome): Promise<ScheduleOutcome> {
  const command: VotingContext = { db: ctx.db, actor: systemActor(SCHEDULE_ACTOR), requestId: null, clock: ctx.clock };
  const { run, done } = DUE[move];
  for (const vote of due) {
    if (ctx.memory && !ctx.memory.mayTry(vote.id, ctx.clock.now())) continue;
    const details = { voteId: vote.id, communityId: vote.communityId, move };
    try {
      await run(command, vote);
      outcome[done].push(vote.id);
      ctx.memory?.forget(vote.id);
      ctx.log.info(details, `the schedule ${done} vote ${vote.id}`);
    } catch (error) {
      if (movedFirst(error)) {
        ctx.memory?.forget(vote.id);
        continue;
      }
      const message = error instanceof Error ? error.message : String(error);
      outcome.failed.push({ id: vote.id, message });
      const news = ctx.memory ? ctx.memory.failed(vote.id, message, ctx.clock.now()) : true;
      ctx.log[news ? 'warn' : 'debug']({ ...details, err: error }, `the schedule could not ${move} vote ${vote.id}: ${message}`);
    }
  }
  return outcome;
}

function movedFirst(error: unknown): boolean {
  return error instanceof AppError && error.code === 'conflict' && (error.details as { reason?: string } | undefined)?.reason === 'wrong_state';
}

/** What the timer remembers between ticks about votes that would not move: when to try again, and whether a failure is news worth a warning. */
export class ScheduleMemory {
  private failures = new Map<string, { message: string; at: number }>();
  constructor(readonly retryAfterMs = RETRY_FAILED_AFTER_MS) {}

  mayTry(id: string, now: Date): boolean {
    const last = this.failures.get(id);
    return !last || now.getTime() - last.at >= this.retryAfterMs;
  }

  /** Records a failure; true when the vote had not failed before or fails for another reason. */
  failed(id: string, message: string, now: Date): boolean {
    const last = this.failures.get(id);
    this.failures.set(id, { message, at: now.getTime() });
    return last?.message !== message;
  }

  forget(id: string): void {
    this.failures.delete(id);
  }

  /** Drops votes that are no longer due (moved or cancelled by a person). */
  keepOnly(ids: string[]): void {
    const due = new Set(ids);
    for (const id of this.failures.keys()) if (!due.has(id)) this.failures.delete(id);
  }
}

/**
 * Runs the schedule on the app's database and clock every `everyMs` once the app is ready, one
 * tick at a time (the next is set when the last has finished). The timer never keeps the process
 * alive; closing the app stops it and waits for a tick in flight, so the database is not closed
 * under it.
 */
export function scheduleVotes(app: FastifyInstance, { everyMs = VOTE_SCHEDULE_EVERY_MS }: { everyMs?: number } = {}): void {
  const memory = new ScheduleMemory();
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  let stopped = false;

  const tick = async () => {
    try {
      await runVoteSchedule({ db: app.db, clock: app.clock, log: app.log, memory });
    } catch (error) {
      app.log.error({ err: error }, 'the vote schedule failed to look up due votes');
    }
  };
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = tick().finally(() => {
        inFlight = null;
        next();
      });
    }, everyMs);
    timer.unref();
  };

  app.addHook('onReady', async () => next());
  app.addHook('onClose', async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await inFlight;
  });
}
