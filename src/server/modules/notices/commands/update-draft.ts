import { and, eq } from 'drizzle-orm';
import type { NoticeDraftPatch } from '../../../../contracts/notices.ts';
import { auditOrigin } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { notices } from '../notices.tables.ts';
import { lockNotice, type NoticeRow } from '../repo/notices.ts';
import { checkedStart, noticeSnapshot } from './create-draft.ts';
import { checkedBasics, checkedPeriods } from './rules.ts';
import { conflict, settingsOf, withinTransaction, type NoticesContext } from './support.ts';

/**
 * Changes a draft. A published notice is immutable: this refuses it, and the UPDATE itself only
 * matches drafts, so no path writes a published row. A correction is a new notice (corrects_id).
 */
export async function updateDraft(ctx: NoticesContext, ref: { communityId: string; id: string }, patch: NoticeDraftPatch): Promise<NoticeRow> {
  return withinTransaction(ctx.db, async (tx) => {
    const before = await lockNotice(tx, ref);
    if (before.state !== 'draft') {
      throw conflict('published_is_immutable', `Notice ${before.id} is published and cannot change; publish a correction instead`, { state: before.state });
    }
    // an objection window equal to the posting period is the default and follows a new period; null resets it
    const followsPosting = before.objectionDays === before.postingDays;
    const merged = {
      ...before,
      title: patch.title ?? before.title,
      body: patch.body ?? before.body,
      postingDays: patch.postingDays ?? before.postingDays,
      objectionDays: patch.objectionDays === null ? undefined : patch.objectionDays ?? (followsPosting ? undefined : before.objectionDays),
    };
    const basics = await checkedBasics(tx, merged);
    const periods = checkedPeriods(merged, basics.rule, await settingsOf(tx, before.communityId));
    const postingStartsAt = patch.postingStartsAt === undefined ? before.postingStartsAt : checkedStart(patch.postingStartsAt, ctx.now);
    const [row] = await tx.update(notices)
      .set({ title: basics.title, body: basics.body, ...periods, postingStartsAt })
      .where(and(eq(notices.communityId, before.communityId), eq(notices.id, before.id), eq(notices.state, 'draft')))
      .returning();
    await appendAudit(tx, {
      kind: 'notices.draft_updated', communityId: row.communityId, ...auditOrigin(ctx), objectType: 'notice', objectId: row.id,
      before: noticeSnapshot(before), after: noticeSnapshot(row),
    });
    return row;
  });
}
