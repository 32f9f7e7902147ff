import { z } from 'zod';
import { pageQuery, paginated } from './common.ts';

// Requests and responses of public notices (公示) and objections (异议), docs/rules/notices.md.
// Written by hand; never derived from the tables. Times cross as ISO 8601 strings.

/** What a notice discloses. The posting floor of each lives in the module's domain/subjects.ts. */
export const noticeSubjectTypes = ['matter_resolution', 'matter_results', 'vote_result'] as const;
export type NoticeSubjectType = (typeof noticeSubjectTypes)[number];

/** `posting_ended` is not stored: a published notice is in it once the clock passes its posting end. */
export const noticeStates = ['draft', 'published', 'posting_ended'] as const;
export type NoticeState = (typeof noticeStates)[number];

/** The body that issued the notice and answers its objections. */
export const noticeIssuers = ['community', 'owners_committee'] as const;
export const noticeFileKinds = ['attachment', 'proof'] as const;
export const objectionStatuses = ['open', 'overdue', 'answered', 'answered_late'] as const;

/**
 * Why a notices request was refused, in details.reason (the HTTP code is the general one: 409
 * conflict, 403 forbidden, 400 validation_failed). The web client keys its messages on these.
 */
export const noticeErrorReasons = [
  'posting_too_short', 'not_draft', 'published_is_immutable', 'start_in_past', 'already_corrected',
  'correction_mismatch', 'corrects_draft', 'not_published', 'window_not_open', 'window_closed',
  'notice_corrected', 'not_a_resident', 'already_answered', 'file_type', 'file_too_large', 'file_empty',
  'compound_outside_community', 'committee_needs_compound',
] as const;
export type NoticeErrorReason = (typeof noticeErrorReasons)[number];

const id = z.string();
const when = z.string().describe('ISO 8601 time');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const days = z.number().int('must be whole days').min(1, 'must be at least 1 day').max(90, 'must be at most 90 days');
const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

// ——— drafts ———

export const noticeDraftInput = z.strictObject({
  /** null or absent: a notice of the whole community */
  compoundId: z.uuid().nullish(),
  subjectType: z.enum(noticeSubjectTypes),
  subjectId: z.uuid(),
  title: text(200),
  /** plain text or Markdown */
  body: text(20_000),
  /** default: the minimum for this community and subject type (at least 7) */
  postingDays: days.optional(),
  /** default: the posting period */
  objectionDays: days.optional(),
  /** default: when it is published; a later time schedules the posting */
  postingStartsAt: z.iso.datetime({ offset: true }).nullish(),
  /** the published notice this one corrects */
  correctsId: z.uuid().nullish(),
});
export type NoticeDraftInput = z.infer<typeof noticeDraftInput>;

/** Only drafts change; give the fields to change. */
export const noticeDraftPatch = z.strictObject({
  title: text(200).optional(),
  body: text(20_000).optional(),
  postingDays: days.optional(),
  objectionDays: days.nullish(),
  postingStartsAt: z.iso.datetime({ offset: true }).nullish(),
});
export type NoticeDraftPatch = z.infer<typeof noticeDraftPatch>;

// ——— views ———

export const noticeAbilities = z.object({
  edit: z.boolean(),
  publish: z.boolean(),
  uploadAttachment: z.boolean(),
  uploadProof: z.boolean(),
  correct: z.boolean(),
  seeObjections: z.boolean(),
  answerObjections: z.boolean(),
  object: z.boolean(),
});
export type NoticeAbilities = z.infer<typeof noticeAbilities>;

export const noticeFileView = z.object({
  id,
  kind: z.enum(noticeFileKinds),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: when,
  /** "user:alice"; null on public pages */
  uploadedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type NoticeFileView = z.infer<typeof noticeFileView>;

export const objectionCounts = z.object({
  total: z.number().int(),
  /** not yet answered, overdue or not */
  open: z.number().int(),
  overdue: z.number().int(),
  answered: z.number().int(),
});

const noticeLink = z.object({ id, title: z.string(), publishedAt: when.nullable() });

/** Everything a printed or public notice shows; the staff and resident views add to it. */
export const publicNoticeView = z.object({
  id,
  community: z.object({ id, name: z.string() }),
  compound: z.object({ id, name: z.string() }).nullable(),
  subjectType: z.string(),
  subjectId: id,
  issuerKind: z.enum(noticeIssuers),
  title: z.string(),
  body: z.string(),
  state: z.enum(noticeStates),
  postingDays: z.number().int(),
  objectionDays: z.number().int(),
  /** days within which each objection is answered */
  replyDays: z.number().int(),
  publishedAt: when.nullable(),
  /** for a draft: the scheduled start, if any */
  postingStartsAt: when.nullable(),
  postingEndsAt: when.nullable(),
  objectionEndsAt: when.nullable(),
  objectionWindowOpen: z.boolean(),
  corrects: noticeLink.nullable(),
  correctedBy: noticeLink.nullable(),
  attachments: z.array(noticeFileView),
  proofs: z.array(noticeFileView),
  objections: objectionCounts,
});
export type PublicNoticeView = z.infer<typeof publicNoticeView>;

export const noticeView = publicNoticeView.extend({
  createdBy: z.string(),
  createdAt: when,
  publishedBy: z.string().nullable(),
  abilities: noticeAbilities,
});
export type NoticeView = z.infer<typeof noticeView>;

export const noticeListItem = z.object({
  id,
  communityId: id,
  compound: z.object({ id, name: z.string() }).nullable(),
  subjectType: z.string(),
  subjectId: id,
  title: z.string(),
  state: z.enum(noticeStates),
  publishedAt: when.nullable(),
  postingEndsAt: when.nullable(),
  objectionEndsAt: when.nullable(),
  correctedById: id.nullable(),
  objections: objectionCounts,
});
export const noticeList = paginated(noticeListItem);

export const noticeListQuery = pageQuery.extend({
  state: z.enum(noticeStates).optional(),
  subjectType: z.enum(noticeSubjectTypes).optional(),
  compoundId: z.uuid().optional(),
  hasOverdueObjections: queryBool.optional(),
});
export type NoticeListQuery = z.infer<typeof noticeListQuery>;

/** Public and resident lists: published notices only; `current` keeps those still posted. */
export const publishedListQuery = pageQuery.extend({ current: queryBool.optional() });

/** The printable A4 notice: the notice, the page its QR code leads to, and the code as SVG. */
export const noticePrintView = z.object({
  notice: publicNoticeView,
  /** the web page, e.g. /public/notices/<id> */
  pagePath: z.string(),
  /** the same page as an absolute URL, from the request's host */
  pageUrl: z.string(),
  qrSvg: z.string(),
  /** how to object, in Chinese and English, for the printed sheet */
  howToObject: z.object({ zh: z.string(), en: z.string() }),
});

// ——— objections ———

export const objectionInput = z.strictObject({ text: text(2_000) });
export const answerInput = z.strictObject({ answer: text(5_000) });

export const objectionView = z.object({
  id,
  noticeId: id,
  noticeTitle: z.string(),
  communityId: id,
  text: z.string(),
  /** the raiser's phone, masked */
  raisedBy: z.string(),
  unitId: id.nullable(),
  raisedAt: when,
  replyDueAt: when,
  status: z.enum(objectionStatuses),
  answer: z.string().nullable(),
  answeredAt: when.nullable(),
  answeredBy: z.string().nullable(),
  abilities: z.object({ answer: z.boolean() }),
});
export type ObjectionView = z.infer<typeof objectionView>;
export const objectionList = paginated(objectionView);

// ——— files ———

export const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const objectionParams = z.object({ id: z.uuid(), objectionId: z.uuid() });

// ——— settings ———

export const noticeSettingsView = z.object({
  communityId: id,
  /** the community's minimum posting period; a subject type may require more */
  minPostingDays: z.number().int(),
  replyDays: z.number().int(),
  isDefault: z.boolean(),
  /** the floor no community goes below */
  floorDays: z.number().int(),
  /** edit: these settings; draft: a notice of this community (somewhere in draftScope) */
  abilities: z.object({ edit: z.boolean(), draft: z.boolean() }),
  /** where the actor may draft: community-wide, and which compounds (null: every compound of the community) */
  draftScope: z.object({ communityWide: z.boolean(), compoundIds: z.array(id).nullable() }),
});

export const noticeSettingsInput = z.strictObject({
  minPostingDays: z.number().int('must be whole days').max(90, 'must be at most 90 days'),
  replyDays: z.number().int('must be whole days').min(1, 'must be at least 1 day').max(30, 'must be at most 30 days'),
});
