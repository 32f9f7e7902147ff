import type { ConsultationErrorReason, MatterStep } from '../../../../contracts/consultation.ts';
import { findMove, movesFrom, type MoveSpec, type Mover, type Requirement } from './steps.ts';

// The rules of one move, as a pure function of the matter, the request, the mover's roles and the
// facts the command gathered (joint meeting record, resolution, notice status, acceptance). It
// returns a refusal instead of throwing; the command turns a refusal into the API error.

export interface MoveMatter {
  step: MatterStep;
  version: number;
  urgency: 'routine' | 'urgent';
  signaturesRequired: number;
  cosignatures: number;
  stepDueAt: Date | null;
}

export interface MoveRequest {
  to: MatterStep;
  expectedStep: MatterStep;
  expectedVersion?: number;
  reason?: string;
  direction?: string;
  consultDays?: number;
  shortenReason?: string;
}

export interface JointMeetingFacts {
  meetingId: string;
  heldAt: string;
  allFourPartiesPresent: boolean;
  minutesLocked: boolean;
  conclusion: 'consensus' | 'majority' | 'no_consensus' | null;
}

export interface NoticeFacts {
  id: string;
  postingEnded: boolean;
  postingEndsAt: string;
  openObjections: number;
  overdueObjections: number;
}

/** What the command found out for the requirements of this move; a fact not gathered is undefined. */
export interface MoveFacts {
  jointMeeting?: JointMeetingFacts | null;
  resolutionRecorded?: boolean;
  notice?: NoticeFacts | null;
  accepted?: boolean;
}

export interface Refusal {
  status: 'conflict' | 'forbidden' | 'validation';
  reason: ConsultationErrorReason;
  message: string;
  field?: string;
}

export interface ConsultPeriod {
  days: number;
  shortenedReason: string | null;
}

export type MoveCheck = { ok: true; move: MoveSpec; consult: ConsultPeriod | null } | { ok: false; refusal: Refusal };

const refuse = (status: Refusal['status'], reason: ConsultationErrorReason, message: string, field?: string): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: { status, reason, message, ...(field ? { field } : {}) },
});

/** Which facts a move's requirements need, so the command looks up only those. */
export function factsNeeded(move: MoveSpec) {
  const has = (r: Requirement) => move.requires.includes(r);
  return {
    jointMeeting: has('joint_meeting_agreed') || has('no_consensus_or_overdue'),
    resolution: has('resolution_recorded'),
    notice: has('notice_cleared'),
    acceptance: has('implementation_accepted'),
  };
}

const isPast = (due: Date | null, now: Date) => due !== null && due.getTime() < now.getTime();

function meetingRefusal(meeting: JointMeetingFacts | null | undefined): { ok: false; refusal: Refusal } | null {
  if (!meeting) return refuse('conflict', 'joint_meeting_missing', 'No joint meeting has deliberated this matter since it entered deliberation: put it on the agenda of a joint meeting of the four parties first');
  if (!meeting.allFourPartiesPresent) {
    return refuse('conflict', 'joint_meeting_incomplete', `The joint meeting of ${meeting.heldAt} did not have all four parties present; deliberate again at a meeting where they are`);
  }
  if (!meeting.minutesLocked) return refuse('conflict', 'joint_meeting_not_locked', `The minutes of the joint meeting of ${meeting.heldAt} are not signed off and locked yet`);
  return null;
}

type Check = (m: MoveMatter, r: MoveRequest, f: MoveFacts, now: Date) => { ok: false; refusal: Refusal } | null;

/** One check per requirement: the table names requirements, this says what each means. */
const CHECKS: Record<Requirement, Check> = {
  signatures_complete: (m) => m.cosignatures >= m.signaturesRequired
    ? null
    : refuse('conflict', 'signatures_missing', `The matter has ${m.cosignatures} of the ${m.signaturesRequired} co-signing households it needs`),
  direction: (_m, r) => (r.direction ? null : refuse('validation', 'direction_required', 'direction: required: the direction the Party organisation sets for the matter', 'direction')),
  reason: (_m, r) => (r.reason ? null : refuse('validation', 'reason_required', 'reason: required for this move', 'reason')),
  consult_period_over: (m, _r, _f, now) => m.stepDueAt !== null && m.stepDueAt.getTime() <= now.getTime()
    ? null
    : refuse('conflict', 'consult_period_running', `The consult period runs until ${m.stepDueAt?.toISOString()}; the matter moves on when it has ended`),
  joint_meeting_agreed: (_m, _r, f) => {
    const refusal = meetingRefusal(f.jointMeeting);
    if (refusal) return refusal;
    const meeting = f.jointMeeting!;
    if (meeting.conclusion === 'no_consensus') {
      return refuse('conflict', 'joint_meeting_no_consensus', `The joint meeting of ${meeting.heldAt} reached no consensus: escalate the matter to the street office`);
    }
    if (meeting.conclusion === null) return refuse('conflict', 'joint_meeting_missing', `The joint meeting of ${meeting.heldAt} recorded no conclusion on this matter`);
    return null;
  },
  no_consensus_or_overdue: (m, _r, f, now) => {
    if (isPast(m.stepDueAt, now)) return null;
    const meeting = f.jointMeeting;
    if (meeting && meeting.minutesLocked && meeting.conclusion === 'no_consensus') return null;
    return refuse('conflict', 'nothing_to_escalate', `Escalate only when the joint meeting reached no consensus (locked minutes) or the deliberation deadline ${m.stepDueAt?.toISOString() ?? ''} has passed`);
  },
  step_overdue: (m, _r, _f, now) => isPast(m.stepDueAt, now)
    ? null
    : refuse('conflict', 'not_overdue', m.stepDueAt ? `The step's deadline ${m.stepDueAt.toISOString()} has not passed` : 'The step has no deadline that has passed'),
  resolution_recorded: (_m, _r, f) => (f.resolutionRecorded ? null : refuse('conflict', 'resolution_missing', 'Record the resolution before publishing it')),
  notice_cleared: (_m, _r, f) => {
    const n = f.notice;
    if (!n) return refuse('conflict', 'notice_posting', 'The step has no published notice');
    if (!n.postingEnded) return refuse('conflict', 'notice_posting', `The notice is posted until ${n.postingEndsAt}; the matter moves on when the posting period has ended`);
    if (n.openObjections > 0 || n.overdueObjections > 0) {
      return refuse('conflict', 'objections_open', `The notice has ${n.openObjections} unanswered objection(s) (${n.overdueObjections} overdue); answer them first`);
    }
    return null;
  },
  implementation_accepted: (_m, _r, f) => (f.accepted ? null : refuse('conflict', 'not_accepted', 'The implementation has not been accepted by the owners\u2019 committee or the residents\u2019 committee')),
};

/**
 * The consult period an accepted matter gets: the community's, or longer for anyone; shorter only
 * for an urgent matter, with the reason recorded. Deliberation and disclosure are never skipped:
 * there is no move that would skip them.
 */
export function consultPeriod(urgency: MoveMatter['urgency'], communityDays: number, r: MoveRequest): ConsultPeriod | { ok: false; refusal: Refusal } {
  const days = r.consultDays ?? communityDays;
  if (days >= communityDays) return { days, shortenedReason: null };
  if (urgency !== 'urgent') {
    return refuse('conflict', 'shortening_not_allowed', `consultDays: only an urgent matter may consult for less than the community's ${communityDays} days`, 'consultDays');
  }
  if (!r.shortenReason) return refuse('validation', 'reason_required', 'shortenReason: required to shorten the consult period of an urgent matter', 'shortenReason');
  return { days, shortenedReason: r.shortenReason };
}

/** Whether `movers` may make the requested move now, given the facts. Refusals come in a fixed order: stale, unknown move, role, requirements. */
export function checkMove(m: MoveMatter, r: MoveRequest, movers: ReadonlySet<Mover>, facts: MoveFacts, now: Date, communityConsultDays: number): MoveCheck {
  if (m.step !== r.expectedStep || (r.expectedVersion !== undefined && r.expectedVersion !== m.version)) {
    return refuse('conflict', 'matter_moved', `The matter has moved on meanwhile: it is in step ${m.step} (version ${m.version}), not ${r.expectedStep}${r.expectedVersion !== undefined ? ` (version ${r.expectedVersion})` : ''}; reload it`);
  }
  const move = findMove(m.step, r.to);
  if (!move) {
    const targets = movesFrom(m.step).map((x) => x.to);
    return refuse('conflict', 'no_such_move', `A matter in step ${m.step} cannot move to ${r.to}${targets.length ? `; it may move to ${targets.join(', ')}` : '; no move leaves this step'}`, 'to');
  }
  if (!move.movers.some((x) => movers.has(x))) {
    return refuse('forbidden', 'not_a_mover', `Only ${move.movers.join(' or ')} may ${move.name} (${m.step} → ${r.to})`);
  }
  for (const requirement of move.requires) {
    const refusal = CHECKS[requirement](m, r, facts, now);
    if (refusal) return refusal;
  }
  let consult: ConsultPeriod | null = null;
  if (move.effect === 'open_consultation') {
    const period = consultPeriod(m.urgency, communityConsultDays, r);
    if ('ok' in period) return period;
    consult = period;
  }
  return { ok: true, move, consult };
}
