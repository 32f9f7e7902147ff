import { auditOrigin } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { notices } from '../notices.tables.ts';
import type { NoticeRow } from '../repo/notices.ts';
import { checkedBasics, checkedCorrection, checkedPeriods, type NoticeFields } from './rules.ts';
import { actorShown, invalid, settingsOf, withinTransaction, type NoticesContext } from './support.ts';

export type DraftInput = NoticeFields & { postingStartsAt?: string | Date | null };

/** What the audit trail keeps of a notice: every field a reader sees. */
export function noticeSnapshot(n: NoticeRow) {
  return {
    state: n.state, compoundId: n.compoundId, subjectType: n.subjectType, subjectId: n.subjectId, issuerKind: n.issuerKind,
    title: n.title, body: n.body, postingDays: n.postingDays, objectionDays: n.objectionDays, replyDays: n.replyDays,
    postingStartsAt: n.postingStartsAt, postingEndsAt: n.postingEndsAt, objectionEndsAt: n.objectionEndsAt,
    publishedAt: n.publishedAt, correctsId: n.correctsId,
  };
}

/** A scheduled start must lie ahead; null means "when published". */
export function checkedStart(value: string | Date | null | undefined, now: Date): Date | null {
  if (value === null || value === undefined) return null;
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) throw invalid([{ path: 'postingStartsAt', message: 'must be an ISO 8601 time' }]);
  if (start < now) throw invalid([{ path: 'postingStartsAt', message: `is in the past (${start.toISOString()}); clear it to start when published` }], 'start_in_past');
  return start;
}

/**
 * Drafts a notice. The caller has decided, through the policy, as which body the actor issues
 * it. Periods are checked now against the community's current minimum and again at publish.
 */
export async function createDraft(ctx: NoticesContext, input: DraftInput, issuerKind: NoticeRow['issuerKind']): Promise<NoticeRow> {
  return withinTransaction(ctx.db, async (tx) => {
    const basics = await checkedBasics(tx, input);
    const settings = await settingsOf(tx, input.communityId);
    const periods = checkedPeriods(input, basics.rule, settings);
    const postingStartsAt = checkedStart(input.postingStartsAt, ctx.now);
    await checkedCorrection(tx, { ...input, compoundId: basics.compoundId }, input.correctsId, false);
    const [row] = await tx.insert(notices).values({
      communityId: input.communityId,
      compoundId: basics.compoundId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      issuerKind,
      title: basics.title,
      body: basics.body,
      state: 'draft',
      ...periods,
      replyDays: settings.replyDays,
      postingStartsAt,
      correctsId: input.correctsId ?? null,
      createdBy: actorShown(ctx),
      createdAt: ctx.now,
    }).returning();
    await appendAudit(tx, {
      kind: 'notices.notice_drafted', communityId: row.communityId, ...auditOrigin(ctx), objectType: 'notice', objectId: row.id, after: noticeSnapshot(row),
    });
    return row;
  });
}
