import { and, eq } from 'drizzle-orm';
import { auditOrigin } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { notices } from '../notices.tables.ts';
import { lockNotice, type NoticeRow } from '../repo/notices.ts';
import { noticeSnapshot } from './create-draft.ts';
import { checkedBasics, checkedCorrection, checkedPeriods, publishedColumns } from './rules.ts';
import { actorShown, conflict, invalid, settingsOf, withinTransaction, type NoticesContext } from './support.ts';

/**
 * Publishes a draft: from now on the row never changes. The periods are checked again against the
 * community's minimum of today, the reply deadline is copied from its settings, and a correction
 * is checked again under a lock on the notice it corrects.
 */
export async function publishDraft(ctx: NoticesContext, ref: { communityId: string; id: string }): Promise<NoticeRow> {
  return withinTransaction(ctx.db, async (tx) => {
    const draft = await lockNotice(tx, ref);
    if (draft.state !== 'draft') throw conflict('not_draft', `Notice ${draft.id} is already published`, { state: draft.state });
    const basics = await checkedBasics(tx, draft);
    const settings = await settingsOf(tx, draft.communityId);
    const periods = checkedPeriods(draft, basics.rule, settings);
    if (draft.postingStartsAt && draft.postingStartsAt < ctx.now) {
      throw invalid([{ path: 'postingStartsAt', message: `is in the past (${draft.postingStartsAt.toISOString()}); change or clear it before publishing` }], 'start_in_past');
    }
    await checkedCorrection(tx, draft, draft.correctsId, true);
    const [row] = await tx.update(notices)
      .set(publishedColumns(draft.postingStartsAt ?? ctx.now, periods, settings, ctx.now, actorShown(ctx)))
      .where(and(eq(notices.communityId, draft.communityId), eq(notices.id, draft.id), eq(notices.state, 'draft')))
      .returning();
    await appendAudit(tx, {
      kind: 'notices.notice_published', communityId: row.communityId, ...auditOrigin(ctx), objectType: 'notice', objectId: row.id,
      before: { state: 'draft' }, after: noticeSnapshot(row),
    });
    return row;
  });
}
