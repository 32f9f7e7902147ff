import { z } from 'zod';
import { pageQuery, paginated } from './common.ts';

// Requests and responses of the four-deliberation procedure (module `consultation`): matters,
// their steps, consultation (co-signatures, support, comments, survey), the resolution,
// implementation and the views. Written by hand; never derived from the tables.

/** The steps of a matter's life, in order; the last three end or suspend it off the main line. */
export const matterSteps = [
  'propose', 'consult', 'deliberate', 'resolve', 'publish_resolution', 'implement', 'publish_results', 'closed',
  'declined', 'withdrawn', 'escalated',
] as const;
export type MatterStep = (typeof matterSteps)[number];

export const matterUrgencies = ['routine', 'urgent'] as const;
/** Who raised the matter. `complaint`: converted from a complaint, cited by sourceRef. */
export const matterSources = ['residents', 'owners_committee', 'property_company', 'grid_worker', 'community', 'complaint'] as const;
export type MatterSource = (typeof matterSources)[number];
/** The body with the legal power to decide: an owners' vote for Civil Code Art. 278 items, else as the matter's type says. */
export const decidingBodies = ['owners_vote', 'owners_committee', 'two_committees', 'residents_assembly'] as const;
export type DecidingBody = (typeof decidingBodies)[number];
export const responsibleParties = ['property_company', 'owners_committee', 'residents_committee', 'party_organisation', 'other'] as const;
export type ResponsibleParty = (typeof responsibleParties)[number];

/** The categories every community starts with; a community may rename, add or drop them. */
export const defaultCategories = [
  { key: 'repairs_facilities', nameZh: '维修与设施', nameEn: 'Repairs and facilities' },
  { key: 'fees_funds', nameZh: '费用与资金', nameEn: 'Fees and funds' },
  { key: 'property_services', nameZh: '物业服务', nameEn: 'Property services' },
  { key: 'environment_sanitation', nameZh: '环境卫生', nameEn: 'Environment and sanitation' },
  { key: 'parking_traffic', nameZh: '停车与交通', nameEn: 'Parking and traffic' },
  { key: 'safety', nameZh: '安全', nameEn: 'Safety' },
  { key: 'neighbour_disputes', nameZh: '邻里纠纷', nameEn: 'Neighbour disputes' },
  { key: 'other', nameZh: '其他', nameEn: 'Other' },
] as const;

/** details.reason of a consultation error (409 conflict, 403 forbidden). */
export const consultationErrorReasons = [
  'matter_moved', 'no_such_move', 'not_a_mover', 'reason_required', 'direction_required', 'signatures_missing',
  'consult_period_running', 'shortening_not_allowed', 'joint_meeting_missing', 'joint_meeting_incomplete',
  'joint_meeting_not_locked', 'joint_meeting_no_consensus', 'nothing_to_escalate', 'not_overdue',
  'resolution_missing', 'notice_posting', 'objections_open', 'not_accepted', 'step_closed',
  'art278_requires_owners_vote', 'not_an_owners_vote_matter', 'vote_not_published', 'resolution_exists',
  'wrong_deciding_body', 'not_a_household', 'already_signed', 'already_supported', 'already_answered',
  'already_rated', 'survey_exists', 'survey_missing', 'own_household', 'comment_hidden', 'tasks_unfinished',
  'tasks_missing', 'already_accepted', 'attachment_too_large', 'category_unknown',
] as const;
export type ConsultationErrorReason = (typeof consultationErrorReasons)[number];

const id = z.string();
const when = z.string().describe('ISO 8601 time');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const days = (min: number, max: number) => z.number().int('must be a whole number of days').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

// ——— settings ———

export const categoryInput = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'use 2–40 lower-case letters, digits or underscores'),
  nameZh: text(40),
  nameEn: text(60),
});
export const consultationSettingsBody = z.strictObject({
  cosignaturesRequired: z.number().int().min(0).max(1000),
  consultDays: days(1, 90),
  deliberateDays: days(1, 180),
  resolveDays: days(1, 365),
  /** the posting period of the two public notices; at least 7 days */
  postingDays: days(7, 90),
  categories: z.array(categoryInput).min(1, 'keep at least one category').max(40)
    .refine((c) => new Set(c.map((x) => x.key)).size === c.length, { message: 'category keys must be unique' }),
}).partial().refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'send at least one setting' });
export type ConsultationSettingsBody = z.infer<typeof consultationSettingsBody>;

export const consultationSettingsView = z.object({
  communityId: id,
  cosignaturesRequired: z.number().int(),
  consultDays: z.number().int(),
  deliberateDays: z.number().int(),
  resolveDays: z.number().int(),
  postingDays: z.number().int(),
  categories: z.array(z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string() })),
  isDefault: z.boolean(),
  abilities: z.object({ edit: z.boolean() }),
});

// ——— raising and moving a matter ———

export const raiseMatterBody = z.strictObject({
  communityId: z.uuid(),
  compoundId: z.uuid().optional(),
  title: text(200),
  description: text(10_000),
  category: z.string().min(1).max(40),
  urgency: z.enum(matterUrgencies).default('routine'),
  source: z.enum(matterSources),
  /** the complaint's reference when source is complaint */
  sourceRef: text(200).optional(),
  /** an owner raising it: the household (unit) raising; needed only when they have several in the compound */
  unitId: z.uuid().optional(),
  /** Civil Code Art. 278 item (1–9): the owners decide by vote. Give this or decidingBody. */
  art278Item: z.number().int().min(1, 'must be an Art. 278 item from 1 to 9').max(9, 'must be an Art. 278 item from 1 to 9').optional(),
  decidingBody: z.enum(['owners_committee', 'two_committees', 'residents_assembly']).optional(),
}).refine((b) => (b.art278Item === undefined) !== (b.decidingBody === undefined), {
  path: ['decidingBody'], message: 'give art278Item (an Art. 278 matter) or decidingBody, exactly one',
}).refine((b) => b.source !== 'complaint' || b.sourceRef !== undefined, { path: ['sourceRef'], message: 'required when the source is a complaint' });
export type RaiseMatterBody = z.input<typeof raiseMatterBody>;

export const advanceMatterBody = z.strictObject({
  to: z.enum(matterSteps),
  /** the step the matter is in as the sender saw it; a matter that moved meanwhile answers 409 matter_moved */
  expectedStep: z.enum(matterSteps),
  /** the matter's version as the sender saw it (optional, stricter than expectedStep) */
  expectedVersion: z.number().int().min(1).optional(),
  /** why: required to decline, escalate, and refer an escalated matter back */
  reason: text(2000).optional(),
  /** accepting (propose → consult): the direction the community Party organisation sets */
  direction: text(2000).optional(),
  /** accepting: the consult period in days; shorter than the community's only for urgent matters, with shortenReason */
  consultDays: days(1, 90).optional(),
  shortenReason: text(1000).optional(),
});
export type AdvanceMatterBody = z.input<typeof advanceMatterBody>;

export const householdBody = z.strictObject({ unitId: z.uuid().optional() });
export const commentBody = z.strictObject({ body: text(2000), unitId: z.uuid().optional() });
export const hideCommentBody = z.strictObject({ reason: text(500) });

export const surveyQuestionInput = z.strictObject({
  text: text(300),
  kind: z.enum(['single', 'multiple']),
  options: z.array(text(100)).min(2, 'a question needs at least two options').max(10),
});
export const attachSurveyBody = z.strictObject({ questions: z.array(surveyQuestionInput).min(1).max(10) });
export const surveyAnswerBody = z.strictObject({
  unitId: z.uuid().optional(),
  /** one entry per question, in order: the chosen option indexes (one for a single-choice question) */
  answers: z.array(z.array(z.number().int().min(0)).min(1, 'choose at least one option')).min(1),
});

/** Art. 278 matters: { fromVote: true }; others: text (and a basis note). */
export const recordResolutionBody = z.strictObject({
  fromVote: z.literal(true).optional(),
  text: text(10_000).optional(),
  basisNote: text(1000).optional(),
}).refine((b) => (b.fromVote === undefined) !== (b.text === undefined), { path: ['text'], message: 'give the resolution text, or fromVote: true for an owners\u2019 vote' });

export const addTaskBody = z.strictObject({
  title: text(300),
  responsibleParty: z.enum(responsibleParties),
  responsibleName: text(120),
  deadline: z.iso.date(),
});
/** A photo or document with an update, base64-encoded; at most 2 MB each and 3 MB per update. */
export const attachmentInput = z.strictObject({
  name: text(200),
  mimeType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as image/jpeg'),
  contentBase64: z.string().min(1).max(3_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
});
export const taskProgressBody = z.strictObject({
  progress: z.number().int().min(0).max(100),
  note: text(2000),
  attachments: z.array(attachmentInput).max(3).default([]),
});
export const acceptImplementationBody = z.strictObject({ party: z.enum(['owners_committee', 'residents_committee']), note: text(2000) });
export const rateMatterBody = z.strictObject({ unitId: z.uuid().optional(), score: z.number().int().min(1).max(5), comment: text(1000).optional() });

// ——— views ———

const ref = z.object({ id, name: z.string() });
export const matterCard = z.object({
  id,
  community: ref,
  compound: ref.nullable(),
  title: z.string(),
  category: z.string(),
  urgency: z.enum(matterUrgencies),
  step: z.enum(matterSteps),
  /** in propose: collecting_signatures until enough households co-signed, then awaiting_acceptance */
  subState: z.enum(['collecting_signatures', 'awaiting_acceptance']).nullable(),
  source: z.enum(matterSources),
  art278Item: z.number().int().nullable(),
  decidingBody: z.enum(decidingBodies),
  raisedAt: when,
  ageDays: z.number().int(),
  stepEnteredAt: when,
  daysInStep: z.number().int(),
  /** the step's deadline: end of consultation, latest deliberation or resolution, earliest open task, or end of posting */
  stepDueAt: when.nullable(),
  overdue: z.boolean(),
  signatures: z.object({ required: z.number().int(), collected: z.number().int() }),
  supports: z.number().int(),
  version: z.number().int(),
});
export type MatterCard = z.infer<typeof matterCard>;

export const matterAbilities = z.object({
  /** steps this actor may move the matter to now, by role (the step's requirements are checked on the move) */
  moves: z.array(z.enum(matterSteps)),
  cosign: z.boolean(),
  support: z.boolean(),
  comment: z.boolean(),
  moderate: z.boolean(),
  attachSurvey: z.boolean(),
  answerSurvey: z.boolean(),
  recordResolution: z.boolean(),
  manageTasks: z.boolean(),
  reportProgress: z.boolean(),
  acceptImplementation: z.boolean(),
  rate: z.boolean(),
});

export const surveyView = z.object({
  questions: z.array(z.object({ text: z.string(), kind: z.enum(['single', 'multiple']), options: z.array(z.string()) })),
  responses: z.number().int(),
  /** counts per question and option */
  results: z.array(z.array(z.number().int())),
  createdAt: when,
});
export const resolutionView = z.object({
  text: z.string(),
  decidingBody: z.enum(decidingBodies),
  basis: z.enum(['meeting', 'vote']),
  meetingId: id.nullable(),
  voteId: id.nullable(),
  passed: z.boolean().nullable(),
  basisNote: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: when,
});
export const attachmentView = z.object({ id, name: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string(), url: z.string() });
export const taskView = z.object({
  id,
  title: z.string(),
  responsibleParty: z.enum(responsibleParties),
  responsibleName: z.string(),
  deadline: z.iso.date(),
  progress: z.number().int(),
  overdue: z.boolean(),
  completedAt: when.nullable(),
  updates: z.array(z.object({ id, progress: z.number().int(), note: z.string(), by: z.string(), at: when, attachments: z.array(attachmentView) })),
  abilities: z.object({ reportProgress: z.boolean() }),
});
export const stepHistoryView = z.object({ step: z.enum(matterSteps), enteredAt: when, leftAt: when.nullable(), by: z.string(), reason: z.string().nullable() });

export const matterView = matterCard.extend({
  description: z.string(),
  sourceRef: z.string().nullable(),
  raisedBy: z.string(),
  direction: z.string().nullable(),
  consultDays: z.number().int().nullable(),
  consultShortenedReason: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  mySupport: z.boolean(),
  survey: surveyView.nullable(),
  resolution: resolutionView.nullable(),
  notices: z.object({ resolution: id.nullable(), results: id.nullable() }),
  tasks: z.array(taskView),
  acceptance: z.object({ party: z.string(), note: z.string(), by: z.string(), at: when }).nullable(),
  ratings: z.object({ count: z.number().int(), average: z.number().nullable(), mine: z.number().int().nullable() }),
  history: z.array(stepHistoryView),
  abilities: matterAbilities,
});
export type MatterView = z.infer<typeof matterView>;

export const commentView = z.object({
  id,
  author: z.string(),
  /** a hidden comment keeps its place; its text stays only in the audit trail */
  body: z.string().nullable(),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  createdAt: when,
  abilities: z.object({ hide: z.boolean() }),
});
export const commentList = paginated(commentView);

export const matterListQuery = pageQuery.extend({
  streetId: z.uuid().optional(),
  communityId: z.uuid().optional(),
  compoundId: z.uuid().optional(),
  step: z.enum(matterSteps).optional(),
  category: z.string().max(40).optional(),
  urgency: z.enum(matterUrgencies).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  minAgeDays: z.coerce.number().int().min(0).optional(),
  maxAgeDays: z.coerce.number().int().min(0).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['newest', 'oldest', 'due']).default('newest'),
});
export type MatterListQuery = z.infer<typeof matterListQuery>;
export const matterList = paginated(matterCard);

export const boardQuery = z.object({ compoundId: z.uuid().optional(), category: z.string().max(40).optional() });
export const boardView = z.object({
  communityId: id,
  columns: z.array(z.object({ step: z.enum(matterSteps), total: z.number().int(), items: z.array(matterCard) })),
});
export const overdueReason = z.object({
  kind: z.enum(['consult_past_deadline', 'step_past_deadline', 'objection_overdue', 'task_overdue']),
  /** what is late: the step, the notice, or the task's title */
  detail: z.string(),
  since: when.nullable(),
});
export const overdueList = z.object({ items: z.array(z.object({ matter: matterCard, reasons: z.array(overdueReason) })) });

export const summaryQuery = z.object({ streetId: z.uuid().optional(), communityId: z.uuid().optional() });
export const matterSummaryView = z.object({
  communities: z.number().int(),
  byStep: z.array(z.object({ step: z.enum(matterSteps), total: z.number().int(), overdue: z.number().int() })),
  /** median days a matter spent in each step it has left */
  medianDaysPerStep: z.array(z.object({ step: z.enum(matterSteps), medianDays: z.number().nullable(), samples: z.number().int() })),
  /** communities whose last joint meeting is older than 4 weeks, or that never held one */
  withoutJointMeeting: z.array(z.object({ community: ref, lastJointMeetingAt: z.string().nullable() })),
});
