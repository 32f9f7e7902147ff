import type { MatterStep } from '../../../../contracts/consultation.ts';

// The four-deliberation procedure as data (architecture.md: "workflows are data"). STEPS says what
// each step allows and which deadline runs in it; MOVES says which step may follow which, who may
// move the matter on, and what the move requires. advance-matter.ts is the one command that moves
// a matter: it gathers the facts the move's requirements name and asks checkMove (domain/moves.ts).
// Nothing else in the module branches on steps.

/** Who may move a matter, relative to the matter (consultation.policy.ts resolves an actor's movers). */
export type Mover =
  /** community staff, acting for the community Party organisation and the residents' committee */
  | 'community_staff'
  /** the owners' committee of the matter's compound */
  | 'owners_committee'
  /** the street office (street admin) or the district over the community, where escalations go */
  | 'street_office'
  /** whoever raised the matter */
  | 'proposer';

/** What people may do with a matter while it is in a step. */
export type Activity =
  | 'cosign' | 'comment' | 'support' | 'survey_setup' | 'survey' | 'meeting' | 'vote' | 'resolution'
  | 'notice' | 'objections' | 'tasks' | 'acceptance' | 'rating';

export type DeadlineSetting = 'consultDays' | 'deliberateDays' | 'resolveDays';

/**
 * The deadline that runs in a step. `period`: the step lasts this long (consultation), and the
 * matter is late once it stays past the end. `limit`: the step must be done by then, else the
 * matter may be escalated. `notice`: the posting period of the step's notice, a gate rather than a
 * limit. `tasks`: the earliest deadline among the unfinished implementation tasks.
 */
export type Deadline =
  | { kind: 'period'; setting: DeadlineSetting }
  | { kind: 'limit'; setting: DeadlineSetting }
  | { kind: 'notice' }
  | { kind: 'tasks' };

export interface StepSpec {
  allows: readonly Activity[];
  deadline: Deadline | null;
  /** no move leaves this step */
  final: boolean;
}

export const STEPS: Record<MatterStep, StepSpec> = {
  propose: { allows: ['cosign', 'survey_setup'], deadline: null, final: false },
  consult: { allows: ['comment', 'support', 'survey', 'survey_setup'], deadline: { kind: 'period', setting: 'consultDays' }, final: false },
  deliberate: { allows: ['meeting'], deadline: { kind: 'limit', setting: 'deliberateDays' }, final: false },
  resolve: { allows: ['vote', 'resolution'], deadline: { kind: 'limit', setting: 'resolveDays' }, final: false },
  publish_resolution: { allows: ['notice', 'objections', 'tasks'], deadline: { kind: 'notice' }, final: false },
  implement: { allows: ['tasks', 'acceptance'], deadline: { kind: 'tasks' }, final: false },
  publish_results: { allows: ['notice', 'objections', 'rating'], deadline: { kind: 'notice' }, final: false },
  closed: { allows: [], deadline: null, final: true },
  declined: { allows: [], deadline: null, final: true },
  withdrawn: { allows: [], deadline: null, final: true },
  // waits for the street office: it refers the matter back to deliberation or declines it
  escalated: { allows: [], deadline: null, final: false },
};

/** What a move needs besides the mover's role. Each is checked by domain/moves.ts from gathered facts. */
export type Requirement =
  /** residents' matters: the community's number of co-signing households reached */
  | 'signatures_complete'
  /** the Party organisation's direction, given with the move */
  | 'direction'
  /** a reason, given with the move */
  | 'reason'
  /** the consult period has ended */
  | 'consult_period_over'
  /** minutes of a joint meeting on the matter: all four parties present, minutes locked, consensus or majority */
  | 'joint_meeting_agreed'
  /** the joint meeting (locked minutes) reached no consensus, or the step's deadline passed */
  | 'no_consensus_or_overdue'
  /** the step's deadline passed */
  | 'step_overdue'
  | 'resolution_recorded'
  /** the step's notice: posting period over, and no objection left open */
  | 'notice_cleared'
  | 'implementation_accepted';

/** Work the move does besides changing the step, in the same transaction. */
export type Effect = 'open_consultation' | 'publish_resolution_notice' | 'publish_results_notice';

export interface MoveSpec {
  from: MatterStep;
  to: MatterStep;
  /** a short name for people and docs */
  name: string;
  movers: readonly Mover[];
  requires: readonly Requirement[];
  effect?: Effect;
}

export const MOVES: readonly MoveSpec[] = [
  { from: 'propose', to: 'consult', name: 'accept', movers: ['community_staff'], requires: ['signatures_complete', 'direction'], effect: 'open_consultation' },
  { from: 'propose', to: 'declined', name: 'decline', movers: ['community_staff'], requires: ['reason'] },
  { from: 'propose', to: 'withdrawn', name: 'withdraw', movers: ['proposer', 'community_staff'], requires: ['reason'] },
  { from: 'consult', to: 'deliberate', name: 'close consultation', movers: ['community_staff'], requires: ['consult_period_over'] },
  { from: 'consult', to: 'withdrawn', name: 'withdraw', movers: ['proposer', 'community_staff'], requires: ['reason'] },
  { from: 'deliberate', to: 'resolve', name: 'conclude deliberation', movers: ['community_staff'], requires: ['joint_meeting_agreed'] },
  { from: 'deliberate', to: 'escalated', name: 'escalate', movers: ['community_staff', 'street_office'], requires: ['reason', 'no_consensus_or_overdue'] },
  { from: 'resolve', to: 'publish_resolution', name: 'publish the resolution', movers: ['community_staff', 'owners_committee'], requires: ['resolution_recorded'], effect: 'publish_resolution_notice' },
  { from: 'resolve', to: 'escalated', name: 'escalate', movers: ['community_staff', 'street_office'], requires: ['reason', 'step_overdue'] },
  { from: 'publish_resolution', to: 'implement', name: 'start implementation', movers: ['community_staff', 'owners_committee'], requires: ['notice_cleared'] },
  { from: 'implement', to: 'publish_results', name: 'publish the results', movers: ['community_staff', 'owners_committee'], requires: ['implementation_accepted'], effect: 'publish_results_notice' },
  { from: 'implement', to: 'escalated', name: 'escalate', movers: ['community_staff', 'street_office'], requires: ['reason', 'step_overdue'] },
  { from: 'publish_results', to: 'closed', name: 'close', movers: ['community_staff', 'owners_committee'], requires: ['notice_cleared'] },
  { from: 'escalated', to: 'deliberate', name: 'refer back to deliberation', movers: ['street_office'], requires: ['reason'] },
  { from: 'escalated', to: 'declined', name: 'decline', movers: ['street_office'], requires: ['reason'] },
];

export function findMove(from: MatterStep, to: MatterStep): MoveSpec | undefined {
  return MOVES.find((m) => m.from === from && m.to === to);
}

export const movesFrom = (from: MatterStep) => MOVES.filter((m) => m.from === from);

export const stepAllows = (step: MatterStep, activity: Activity) => STEPS[step].allows.includes(activity);

/** Steps whose deadline makes a matter late when it passes (the street view's overdue state). */
export const LATE_WHEN_PAST: readonly MatterStep[] = (Object.keys(STEPS) as MatterStep[]).filter((s) => {
  const d = STEPS[s].deadline;
  return d !== null && d.kind !== 'notice';
});

/** The main line, for boards and the median time per step. */
export const MAIN_LINE: readonly MatterStep[] = ['propose', 'consult', 'deliberate', 'resolve', 'publish_resolution', 'implement', 'publish_results', 'closed'];
