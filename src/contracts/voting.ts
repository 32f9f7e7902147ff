import { z } from 'zod';
import { areaString, pageQuery, paginated } from './common.ts';

// Requests and responses of owners' votes (docs/rules/voting.md). Written by hand; never derived
// from the tables. Areas cross as "88.50"; times as ISO 8601 strings. Ballots, paper ballots,
// proxies and receipts are in voting-ballots.ts.

export const voteStates = ['draft', 'announced', 'open', 'closed', 'counted', 'published', 'cancelled'] as const;
/** The same list as the tally core's PRESET_IDS (a unit test keeps them equal). */
export const presetIds = ['cn-civil-code-2021', 'cn-property-law-2007', 'hk-bmo', 'de-weg-2020', 'us-ucioa'] as const;
export const choices = ['for', 'against', 'abstain'] as const;
export const documentKinds = ['notice', 'attachment', 'proxy_authorisation'] as const;
export const ballotChannels = ['online', 'proxy', 'paper'] as const;
/** discarded: kept with who, when and why; blocks neither the count nor a fresh entry of the same unit */
export const paperStatuses = ['awaiting_second', 'accepted', 'mismatch', 'discarded'] as const;

/**
 * Why a voting request was refused, in details.reason (the HTTP code is the general one: 409
 * conflict, 403 forbidden, 400 validation_failed). The web client keys its messages on these.
 */
export const votingErrorReasons = [
  'wrong_state', 'too_early', 'too_late', 'electorate_incomplete', 'corrections_unanswered',
  'ballot_exists', 'no_ballot', 'changes_not_allowed', 'change_used', 'owner_voted_in_person',
  'not_named_voter', 'not_in_electorate', 'choose_subject', 'idempotency_key_reused',
  'paper_same_staff', 'paper_already_accepted', 'paper_mismatch_open', 'paper_entry_pending',
  'paper_matches_neither', 'paper_resolver_entered', 'paper_already_discarded', 'proxy_cap_reached',
  'proxy_is_property_staff', 'proxy_exists', 'proxy_already_voted', 'proxy_already_revoked',
  'record_malformed', 'already_answered', 'no_committee_role', 'compound_has_committee',
] as const;
export type VotingErrorReason = (typeof votingErrorReasons)[number];

const id = z.string();
const when = z.string().describe('ISO 8601 time');
const whenInput = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

// ——— convening ———

export const voteOptionsInput = z.strictObject({
  coOwnerConflict: z.enum(['abstain', 'void']).optional(),
  silentVotes: z.enum(['off', 'follow-majority', 'follow-majority-zj2009']).optional(),
  /** the clause of the compound's rules of procedure that allows silent votes; required with them */
  silentVotesClause: text(500).optional(),
  abstentionsInBase: z.boolean().optional(),
  weighting: z.enum(['heads', 'shares']).optional(),
});

export const questionInput = z.strictObject({
  title: text(300),
  /** Civil Code Art. 278 item, 1–9 */
  item: z.number().int().min(1, 'must be an Art. 278 item from 1 to 9').max(9, 'must be an Art. 278 item from 1 to 9'),
  kind: z.enum(['decision', 'election']).default('decision'),
  seats: z.number().int().min(1).max(50).optional(),
  candidates: z.array(z.strictObject({ name: text(80) })).max(100).optional(),
});

const voteFields = {
  matterId: z.uuid().optional(),
  title: text(200),
  noticeText: text(20_000),
  preset: z.enum(presetIds).default('cn-civil-code-2021'),
  options: voteOptionsInput.default({}),
  allowBallotChange: z.boolean().default(false),
  noticeAt: whenInput,
  opensAt: whenInput,
  closesAt: whenInput,
  questions: z.array(questionInput).min(1, 'a vote needs at least one question').max(20),
};
export const createVoteBody = z.strictObject({ compoundId: z.uuid(), ...voteFields });
export type CreateVoteBody = z.input<typeof createVoteBody>;
export const updateVoteBody = z.strictObject(voteFields);
export type UpdateVoteBody = z.input<typeof updateVoteBody>;

export const cancelVoteBody = z.strictObject({ reason: text(1000) });
export const extendVoteBody = z.strictObject({ closesAt: whenInput, reason: text(1000).optional() });

export const voteListQuery = pageQuery.extend({ compoundId: z.uuid().optional(), state: z.enum(voteStates).optional() });

export const voteAbilities = z.object({
  edit: z.boolean(),
  uploadDocument: z.boolean(),
  announce: z.boolean(),
  open: z.boolean(),
  close: z.boolean(),
  count: z.boolean(),
  publish: z.boolean(),
  cancel: z.boolean(),
  extend: z.boolean(),
  seeRoll: z.boolean(),
  requestCorrection: z.boolean(),
  answerCorrections: z.boolean(),
  seeProgress: z.boolean(),
  enterPaperBallots: z.boolean(),
  registerProxies: z.boolean(),
  cast: z.boolean(),
  seeResults: z.boolean(),
});
export type VoteAbilities = z.infer<typeof voteAbilities>;

export const candidateView = z.object({ id, name: z.string() });
export const questionView = z.object({
  id,
  position: z.number().int(),
  title: z.string(),
  item: z.number().int(),
  class: z.enum(['ordinary', 'special']),
  kind: z.enum(['decision', 'election']),
  seats: z.number().int().nullable(),
  candidates: z.array(candidateView),
});

export const documentView = z.object({
  id,
  kind: z.enum(documentKinds),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  url: z.string(),
  createdAt: when,
});

export const notificationView = z.object({ id, kind: z.string(), messageZh: z.string(), messageEn: z.string(), recipients: z.number().int(), createdAt: when });

export const voteOptionsView = z.object({
  coOwnerConflict: z.enum(['abstain', 'void']).optional(),
  silentVotes: z.enum(['off', 'follow-majority', 'follow-majority-zj2009']).optional(),
  silentVotesClause: z.string().optional(),
  abstentionsInBase: z.boolean().optional(),
  weighting: z.enum(['heads', 'shares']).optional(),
  parkingInVotingArea: z.boolean(),
});

export const voteSummary = z.object({
  id,
  communityId: id,
  compound: z.object({ id, name: z.string() }),
  title: z.string(),
  state: z.enum(voteStates),
  noticeAt: when,
  opensAt: when,
  closesAt: when,
  questionCount: z.number().int(),
  abilities: voteAbilities,
});
export const voteList = paginated(voteSummary);

export const voteView = voteSummary.omit({ questionCount: true }).extend({
  matterId: id.nullable(),
  convenerKind: z.enum(['owners_committee', 'community']),
  noticeText: z.string(),
  preset: z.enum(presetIds),
  options: voteOptionsView,
  allowBallotChange: z.boolean(),
  announcedAt: when.nullable(),
  openedAt: when.nullable(),
  closedAt: when.nullable(),
  countedAt: when.nullable(),
  publishedAt: when.nullable(),
  cancelledAt: when.nullable(),
  cancelReason: z.string().nullable(),
  merkleRoot: z.string().nullable(),
  createdAt: when,
  questions: z.array(questionView),
  documents: z.array(documentView),
  notifications: z.array(notificationView),
});
export type VoteView = z.infer<typeof voteView>;

export const documentFields = z.object({ kind: z.enum(documentKinds).default('attachment') });

export const voteSettingsBody = z
  .strictObject({
    minNoticeDays: z.number().int().min(1).max(365),
    minWindowDays: z.number().int().min(1).max(365),
    maxWindowDays: z.number().int().min(1).max(365),
    maxOwnersPerProxy: z.number().int().min(1).max(1000),
  })
  .refine((s) => s.minWindowDays <= s.maxWindowDays, { path: ['maxWindowDays'], message: 'must not be below minWindowDays' });
export const voteSettingsView = z.object({
  compoundId: id,
  minNoticeDays: z.number().int(),
  minWindowDays: z.number().int(),
  maxWindowDays: z.number().int(),
  maxOwnersPerProxy: z.number().int(),
  isDefault: z.boolean(),
  abilities: z.object({ edit: z.boolean() }),
});

// ——— electorate ———

export const rollQuery = pageQuery.extend({ buildingId: z.uuid().optional() });
const nullableArea = areaString.nullable();
export const rollUnitView = z.object({
  unitId: id,
  buildingId: id,
  buildingName: z.string(),
  number: z.string(),
  use: z.enum(['residential', 'commercial', 'parking']),
  holderStatus: z.enum(['owned', 'developer_unsold', 'sold_not_delivered']),
  developer: z.boolean(),
  /** whether the unit counts in area and heads (parking spaces only where the compound says so) */
  counted: z.boolean(),
  areas: z.object({ registered: nullableArea, surveyed: nullableArea, contract: nullableArea }),
  votingArea: nullableArea,
  votingAreaSource: z.enum(['registered', 'surveyed', 'contract']).nullable(),
  coOwned: z.boolean(),
  namedVoter: z.boolean(),
  /** one of the actor's own units */
  mine: z.boolean(),
});
export const rollProblem = z.object({ unitId: id, buildingName: z.string(), number: z.string(), message: z.string() });
export const rollView = paginated(rollUnitView).extend({
  /** false during the notice: computed live from the registry; true once the vote opened */
  frozen: z.boolean(),
  totals: z.object({ units: z.number().int(), countedUnits: z.number().int(), heads: z.number().int(), area: areaString }),
  problems: z.array(rollProblem),
});

export const correctionBody = z.strictObject({ unitId: z.uuid(), text: text(2000) });
export const answerCorrectionBody = z.strictObject({ answer: text(2000), accepted: z.boolean() });
export const correctionView = z.object({
  id,
  unitId: id,
  buildingName: z.string(),
  number: z.string(),
  text: z.string(),
  requesterPhone: z.string().nullable().describe('masked'),
  mine: z.boolean(),
  createdAt: when,
  answer: z.string().nullable(),
  accepted: z.boolean().nullable(),
  answeredAt: when.nullable(),
  abilities: z.object({ answer: z.boolean() }),
});
export const correctionList = z.object({ items: z.array(correctionView) });

// ——— progress and publication ———

const measureView = <T extends z.ZodType>(value: T) =>
  z.object({ value, total: value, needed: value, met: z.boolean(), threshold: z.string() });
export const quorumView = z.object({
  met: z.boolean(),
  area: measureView(areaString),
  heads: measureView(z.number().int()),
  words: z.object({ zh: z.string(), en: z.string() }),
});
export const progressView = z.object({
  state: z.enum(voteStates),
  frozen: z.boolean(),
  questions: z.array(z.object({
    questionId: id,
    title: z.string(),
    ballots: z.number().int(),
    quorum: quorumView,
    buildings: z.array(z.object({
      buildingId: id,
      buildingName: z.string(),
      area: z.object({ value: areaString, total: areaString }),
      heads: z.object({ value: z.number().int(), total: z.number().int() }),
    })),
  })),
  /** paper sheets by status; discarded ones are kept and shown, and count for nothing */
  paper: z.object({ awaitingSecond: z.number().int(), mismatches: z.number().int(), accepted: z.number().int(), discarded: z.number().int() }),
});

export const recordQuery = z.object({ question: z.uuid().optional() });

/** A page of a counted question's per-subject reports, or one subject by its key. */
export const subjectPageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** a subject's key (its representatives' ids joined with "+"): that subject alone */
  subject: z.string().min(1).max(4000).optional(),
  /** the page after this subject key (the previous page's `next`): as fast at the end of a million as at the start */
  after: z.string().min(1).max(4000).optional(),
});
export const subjectPageView = z.object({
  /** subjects in the frozen electorate */
  total: z.number().int(),
  offset: z.number().int(),
  /** the key to ask for the next page with (?after=), or null after the last */
  next: z.string().nullable(),
  /** the tally core's subject reports (owners-vote.md §7) */
  subjects: z.array(z.record(z.string(), z.unknown())),
});

/** One question's published outcome; `result` is the tally core's JSON (docs/rules/voting-tally.md). */
export const questionResultView = z.object({
  questionId: id,
  title: z.string(),
  item: z.number().int(),
  kind: z.enum(['decision', 'election']),
  candidates: z.array(candidateView),
  passed: z.boolean().nullable(),
  summary: z.object({ zh: z.string(), en: z.string() }),
  recordUrl: z.string(),
  /** the per-subject reports of the result, page by page (?offset, ?limit) or one (?subject=KEY) */
  subjectsUrl: z.string(),
  result: z.unknown(),
});
export const resultsView = z.object({
  voteId: id,
  state: z.enum(voteStates),
  merkleRoot: z.string().nullable(),
  questions: z.array(questionResultView),
});

export const publicVoteView = z.object({
  id,
  title: z.string(),
  noticeText: z.string(),
  community: z.object({ name: z.string() }),
  compound: z.object({ name: z.string() }),
  preset: z.enum(presetIds),
  noticeAt: when,
  opensAt: when,
  closesAt: when,
  countedAt: when.nullable(),
  publishedAt: when,
  merkleRoot: z.string().nullable(),
  ballots: z.number().int(),
  questions: z.array(questionResultView),
  documents: z.array(documentView),
  /** the web page of this notice, and a QR code (SVG data URL) pointing to it */
  webPath: z.string(),
  webUrl: z.string(),
  qrCode: z.string(),
});
