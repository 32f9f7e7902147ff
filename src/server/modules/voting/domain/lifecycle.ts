/**
 * A vote's life as data (architecture.md: "workflows are data"): its states, which state may
 * follow which, the time guard of each move, and what each state allows besides moving on. The
 * commands only ask this table; none of them hard-codes a state.
 */

export const VOTE_STATES = ['draft', 'announced', 'open', 'closed', 'counted', 'published', 'cancelled'] as const;
export type VoteState = (typeof VOTE_STATES)[number];

export const LIFECYCLE_ACTIONS = ['announce', 'open', 'close', 'count', 'publish', 'cancel'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** Why a move or an action is refused; stable codes that the API returns in details.reason. */
export type LifecycleReason = 'wrong_state' | 'too_early' | 'too_late';

export interface LifecycleRefusal {
  reason: LifecycleReason;
  /** the field whose value decides, e.g. opensAt */
  field?: string;
  message: string;
}

export interface Transition {
  from: readonly VoteState[];
  to: VoteState;
  /**
   * The time guard: `opensAt` = not before the opening time, `closesAt` = not before the closing
   * time (an early close is not allowed), `notice` = the notice must leave at least the minimum
   * notice period before the opening time.
   */
  guard?: 'notice' | 'opensAt' | 'closesAt';
}

export const TRANSITIONS: Record<LifecycleAction, Transition> = {
  announce: { from: ['draft'], to: 'announced', guard: 'notice' },
  open: { from: ['announced'], to: 'open', guard: 'opensAt' },
  close: { from: ['open'], to: 'closed', guard: 'closesAt' },
  count: { from: ['closed'], to: 'counted' },
  publish: { from: ['counted'], to: 'published' },
  cancel: { from: ['draft', 'announced', 'open'], to: 'cancelled' },
};

/** What may happen inside a state. */
export interface StateAllows {
  /** change the draft: title, questions, times, rule, notice text, attachments */
  edit: boolean;
  /** owners ask for corrections of the electorate roll, the convener answers */
  corrections: boolean;
  /** staff register proxies and upload their written authorisations */
  proxies: boolean;
  /** owners and proxies cast or change ballots online */
  ballots: boolean;
  /** staff enter paper ballots (the box closes with the vote; entry and resolution go on until the count) */
  paperEntries: boolean;
  /** the closing time may be moved later (only before it passes) */
  extend: boolean;
  /** the roll is the frozen electorate (true) or computed live from the registry (false) */
  frozen: boolean;
}

const none: StateAllows = {
  edit: false, corrections: false, proxies: false, ballots: false, paperEntries: false, extend: false, frozen: false,
};

export const STATE_ALLOWS: Record<VoteState, StateAllows> = {
  draft: { ...none, edit: true },
  announced: { ...none, corrections: true, proxies: true, extend: true },
  open: { ...none, proxies: true, ballots: true, paperEntries: true, extend: true, frozen: true },
  closed: { ...none, paperEntries: true, frozen: true },
  counted: { ...none, frozen: true },
  published: { ...none, frozen: true },
  cancelled: none,
};

export interface VoteTimes {
  noticeAt: Date;
  opensAt: Date;
  closesAt: Date;
}

/** Per-compound bounds (voting settings); the defaults are the issue's. */
export interface ScheduleBounds {
  minNoticeDays: number;
  minWindowDays: number;
  maxWindowDays: number;
}

export const DEFAULT_BOUNDS: ScheduleBounds = { minNoticeDays: 15, minWindowDays: 5, maxWindowDays: 60 };

export const DAY_MS = 86_400_000;

/** The state a move leads to, or why it is refused now. */
export function checkTransition(
  action: LifecycleAction,
  state: VoteState,
  now: Date,
  times: VoteTimes,
  bounds: ScheduleBounds,
): { ok: true; to: VoteState } | { ok: false; refusal: LifecycleRefusal } {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(state)) {
    return refuse('wrong_state', `cannot ${action} a vote that is ${state}; only from ${transition.from.join(' or ')}`);
  }
  switch (transition.guard) {
    case 'notice': {
      const latest = times.opensAt.getTime() - bounds.minNoticeDays * DAY_MS;
      if (now.getTime() > latest) {
        return refuse(
          'too_late',
          `opensAt: the notice must be posted at least ${bounds.minNoticeDays} days before opening; announce by ${new Date(latest).toISOString()} or move the opening later`,
          'opensAt',
        );
      }
      break;
    }
    case 'opensAt':
      if (now < times.opensAt) return refuse('too_early', `opensAt: the vote opens at ${times.opensAt.toISOString()}`, 'opensAt');
      break;
    case 'closesAt':
      if (now < times.closesAt) {
        return refuse('too_early', `closesAt: the vote closes at ${times.closesAt.toISOString()}; an early close is not allowed`, 'closesAt');
      }
      break;
  }
  return { ok: true, to: transition.to };
}

/** Whether a state allows an in-state action (ballots, corrections, …), with the reason if not. */
export function checkAllowed(state: VoteState, what: keyof StateAllows, label: string): LifecycleRefusal | null {
  if (STATE_ALLOWS[state][what]) return null;
  const states = VOTE_STATES.filter((s) => STATE_ALLOWS[s][what]);
  return { reason: 'wrong_state', message: `${label} only while the vote is ${states.join(' or ')}; it is ${state}` };
}

/** Ballots are taken only while open and before the closing time, even if nobody has closed the vote yet. */
export function checkBallotTime(state: VoteState, now: Date, times: VoteTimes): LifecycleRefusal | null {
  const refused = checkAllowed(state, 'ballots', 'ballots are taken');
  if (refused) return refused;
  if (now >= times.closesAt) return { reason: 'too_late', field: 'closesAt', message: `closesAt: voting closed at ${times.closesAt.toISOString()}` };
  return null;
}

/**
 * Moving the closing time later: only while announced or open, before the current closing time
 * passes, to a later time, and within the longest window the compound allows.
 */
export function checkExtension(
  state: VoteState,
  now: Date,
  times: VoteTimes,
  newClosesAt: Date,
  bounds: ScheduleBounds,
): LifecycleRefusal | null {
  const refused = checkAllowed(state, 'extend', 'the closing time may be extended');
  if (refused) return refused;
  if (now >= times.closesAt) {
    return { reason: 'too_late', field: 'closesAt', message: `closesAt: ${times.closesAt.toISOString()} has passed; a closing time can only be extended before it passes` };
  }
  if (newClosesAt <= times.closesAt) {
    return { reason: 'too_early', field: 'closesAt', message: `closesAt: ${newClosesAt.toISOString()} is not later than the current closing time ${times.closesAt.toISOString()}` };
  }
  const windowDays = (newClosesAt.getTime() - times.opensAt.getTime()) / DAY_MS;
  if (windowDays > bounds.maxWindowDays) {
    return { reason: 'too_late', field: 'closesAt', message: `closesAt: the voting window would be ${formatDays(windowDays)} days; this compound allows at most ${bounds.maxWindowDays}` };
  }
  return null;
}

function refuse(reason: LifecycleReason, message: string, field?: string) {
  return { ok: false as const, refusal: { reason, message, ...(field ? { field } : {}) } };
}

export function formatDays(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(2);
}
