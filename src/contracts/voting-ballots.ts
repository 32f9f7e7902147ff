import { z } from 'zod';
import { phone } from './accounts.ts';
import { pageQuery, paginated } from './common.ts';
import { ballotChannels, choices, paperStatuses } from './voting.ts';

// Requests and responses of ballots on every channel (online, proxy, paper) and of receipts.
// The rest of the voting contract (convening, the roll, progress, publication) is in voting.ts.

const id = z.string();
const when = z.string().describe('ISO 8601 time');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** why staff discard a paper sheet or revoke a proxy: kept on the row and in the audit trail */
const reasonText = z.string().trim().min(2, 'must be 2 to 500 characters').max(500, 'must be 2 to 500 characters');

// ——— ballots ———

export const ballotContentInput = z
  .strictObject({
    /** which voting subject the ballot is for; needed only when the actor speaks for several */
    subjectKey: z.string().min(1).max(4000).optional(),
    choice: z.enum(choices).optional(),
    marks: z.array(z.string().min(1).max(20)).max(50).optional(),
  })
  .refine((b) => (b.choice === undefined) !== (b.marks === undefined), { path: ['choice'], message: 'give a choice (a decision) or marks (an election), not both' });
export type BallotContentInput = z.infer<typeof ballotContentInput>;

export const ballotAccepted = z.object({
  questionId: id,
  subjectKey: z.string(),
  channel: z.enum(ballotChannels),
  castAt: when,
  changesLeft: z.number().int(),
  /** 'proxy' when this in-person ballot replaced a proxy's */
  overrode: z.enum(['proxy']).nullable(),
  receipt: z.object({ code: z.string(), leaf: z.string() }),
});
export type BallotAccepted = z.infer<typeof ballotAccepted>;

/** Loose: the other headers (the session cookie among them) pass through untouched. */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().trim().min(8, 'must be 8 to 200 characters').max(200, 'must be 8 to 200 characters'),
});

export const myBallotsView = z.object({
  frozen: z.boolean(),
  capacities: z.array(z.object({
    subjectKey: z.string(),
    capacity: z.enum(['self', 'proxy']),
    units: z.array(z.object({ unitId: id, buildingName: z.string(), number: z.string() })),
    questions: z.array(z.object({
      questionId: id,
      cast: z.boolean(),
      channel: z.enum(ballotChannels).nullable(),
      castAt: when.nullable(),
      canCast: z.boolean(),
      canChange: z.boolean(),
    })),
  })),
  /** units the actor co-owns but another co-owner is named to vote for */
  notNamedVoter: z.array(z.object({ unitId: id, buildingName: z.string(), number: z.string() })),
});

export const receiptParams = z.object({ id: z.uuid(), code: z.string().min(8).max(80) });
export const receiptView = z.object({
  leaf: z.string(),
  questionId: id,
  /** recorded: in the ballot box; counted: in the published tree; superseded: replaced by a later ballot */
  status: z.enum(['recorded', 'counted', 'superseded']),
  issuedAt: when,
  root: z.string().nullable(),
  proof: z.array(z.object({ side: z.enum(['left', 'right']), hash: z.string() })).nullable(),
  verified: z.boolean(),
});

// ——— paper ballots ———

export const paperAnswer = z.strictObject({
  questionId: z.uuid(),
  choice: z.enum(choices).optional(),
  marks: z.array(z.string().min(1).max(20)).max(50).optional(),
}).refine((a) => (a.choice === undefined) !== (a.marks === undefined), { path: ['choice'], message: 'give a choice or marks, not both' });
export const paperEntryBody = z.strictObject({
  unitId: z.uuid(),
  answers: z.array(paperAnswer).min(1, 'a ballot answers at least one question').max(20),
  /** where the scanned sheet is kept, e.g. "box 2 / sheet 14" or the scan's file name */
  scanRef: text(200),
});
export const resolvePaperBody = paperEntryBody.omit({ unitId: true });
export const discardPaperBody = z.strictObject({ reason: reasonText });
export const paperListQuery = pageQuery.extend({ status: z.enum(paperStatuses).optional() });
export const paperBallotView = z.object({
  id,
  unitId: id,
  buildingName: z.string(),
  number: z.string(),
  subjectKey: z.string(),
  status: z.enum(paperStatuses),
  firstBy: z.string(),
  secondBy: z.string().nullable(),
  /** which fields the two entries disagree on (scanRef, answers.<questionId>), never the choices */
  differences: z.array(z.string()),
  resolution: z.enum(['first', 'second']).nullable(),
  resolvedBy: z.string().nullable(),
  discardedBy: z.string().nullable(),
  discardedAt: when.nullable(),
  discardReason: z.string().nullable(),
  createdAt: when,
  /** receipts of the ballots accepted by this action (for the owner); empty otherwise */
  receipts: z.array(z.object({ questionId: id, code: z.string(), leaf: z.string() })),
  abilities: z.object({ enterSecond: z.boolean(), resolve: z.boolean(), discard: z.boolean() }),
});
export const paperBallotList = paginated(paperBallotView);

// ——— proxies ———

export const registerProxyBody = z.strictObject({
  unitId: z.uuid(),
  /** the owner who authorises; may be left out when the unit has one voter (sole owner or named voter) */
  principalPersonId: z.uuid().optional(),
  proxyName: text(80),
  proxyPhone: phone,
  /** the uploaded written authorisation (a document of kind proxy_authorisation) */
  documentId: z.uuid(),
});
export const proxyView = z.object({
  id,
  principalPersonId: id,
  units: z.array(z.object({ unitId: id, buildingName: z.string(), number: z.string() })),
  proxyName: z.string(),
  proxyPhone: z.string().nullable().describe('masked'),
  documentId: id,
  registeredBy: z.string(),
  createdAt: when,
  /** set once revoked: the holder no longer speaks for the principal */
  revokedAt: when.nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export const proxyList = z.object({ items: z.array(proxyView) });
export const revokeProxyBody = z.strictObject({ reason: reasonText });
