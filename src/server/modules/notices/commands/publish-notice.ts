import { auditOrigin } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { notices } from '../notices.tables.ts';
import { issuerKindFor } from '../notices.policy.ts';
import { noticeSnapshot } from './create-draft.ts';
import { checkedBasics, checkedCorrection, checkedPeriods, publishedColumns } from './rules.ts';
import { actorShown, settingsOf, withinTransaction, type NoticesContext } from './support.ts';

export interface PublishNoticeInput {
  communityId: string;
  compoundId?: string | null;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  postingDays?: number;
  correctsId?: string | null;
}

/**
 * Creates and publishes a notice in one step, for modules above this one (the consultation
 * module's resolution and results notices). It runs in the caller's transaction when ctx.db is
 * one, and records one audit event there. The caller has authorised the actor for its own step;
 * the notice is issued by the owners' committee when the actor acts as one for the compound,
 * else by the community. Posting starts now.
 */
export async function publishNotice(ctx: NoticesContext, input: PublishNoticeInput): Promise<{ id: string; postingEndsAt: string }> {
  return withinTransaction(ctx.db, async (tx) => {
    const basics = await checkedBasics(tx, input);
    const settings = await settingsOf(tx, input.communityId);
    const periods = checkedPeriods(input, basics.rule, settings);
    await checkedCorrection(tx, { ...input, compoundId: basics.compoundId }, input.correctsId, true);
    const by = actorShown(ctx);
    const [row] = await tx.insert(notices).values({
      communityId: input.communityId,
      compoundId: basics.compoundId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      issuerKind: issuerKindFor(ctx.actor, { communityId: input.communityId, compoundId: basics.compoundId }) ?? 'community',
      title: basics.title,
      body: basics.body,
      ...periods,
      ...publishedColumns(ctx.now, periods, settings, ctx.now, by),
      correctsId: input.correctsId ?? null,
      createdBy: by,
      createdAt: ctx.now,
    }).returning();
    await appendAudit(tx, {
      kind: 'notices.notice_published', communityId: row.communityId, ...auditOrigin(ctx), objectType: 'notice', objectId: row.id,
      before: null, after: noticeSnapshot(row),
    });
    return { id: row.id, postingEndsAt: row.postingEndsAt!.toISOString() };
  });
}
