import { z } from 'zod';

/** The chain of events outside any community (accounts, district set-up). */
export const GLOBAL_CHAIN = '00000000-0000-0000-0000-000000000000';

/** Every kind of audit event. A command records exactly one of these, in its own transaction. */
export const auditKinds = [
  'accounts.user_created',
  'accounts.user_disabled',
  'accounts.user_enabled',
  'accounts.password_changed',
  'accounts.role_granted',
  'accounts.login_succeeded',
  'accounts.owner_login_succeeded',
  'registry.district_created',
  'registry.street_created',
  'registry.demo_loaded',
  'registry.community_created',
  'registry.community_figures_recorded',
  'registry.compound_created',
  'registry.roster_imported',
  'registry.unit_updated',
  'registry.ownership_changed',
  'voting.vote_created',
  'voting.vote_updated',
  'voting.document_uploaded',
  'voting.settings_changed',
  'voting.vote_announced',
  'voting.vote_opened',
  'voting.vote_closed',
  'voting.vote_counted',
  'voting.vote_published',
  'voting.vote_cancelled',
  'voting.closing_extended',
  'voting.correction_requested',
  'voting.correction_answered',
  'voting.ballot_cast',
  'voting.ballot_changed',
  'voting.paper_entry_recorded',
  'voting.paper_mismatch_resolved',
  'voting.proxy_registered',
  'notices.notice_drafted',
  'notices.draft_updated',
  'notices.notice_published',
  'notices.attachment_uploaded',
  'notices.posting_proof_uploaded',
  'notices.objection_raised',
  'notices.objection_answered',
  'notices.settings_changed',
  'consultation.matter_raised',
  'consultation.matter_cosigned',
  'consultation.matter_advanced',
  'consultation.matter_supported',
  'consultation.comment_posted',
  'consultation.comment_hidden',
  'consultation.survey_attached',
  'consultation.survey_answered',
  'consultation.resolution_recorded',
  'consultation.task_added',
  'consultation.task_progress_reported',
  'consultation.implementation_accepted',
  'consultation.matter_rated',
  'consultation.settings_changed',
] as const;
export type AuditKind = (typeof auditKinds)[number];

export const auditEventView = z.object({
  communityId: z.string(),
  seq: z.number(),
  id: z.string(),
  kind: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  requestId: z.string().nullable(),
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditListQuery = z.object({
  communityId: z.uuid().optional(),
  kind: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  objectId: z.string().max(100).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditList = z.object({
  items: z.array(auditEventView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const auditVerifyResult = z.object({
  chains: z.number(),
  events: z.number(),
  broken: z.array(z.object({ communityId: z.string(), seq: z.number(), id: z.string(), reason: z.string() })),
});
