import { auditOrigin } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkSettings, type NoticeSettings } from '../domain/periods.ts';
import { noticeSettings } from '../notices.tables.ts';
import { actorShown, refused, settingsOf, withinTransaction, type NoticesContext } from './support.ts';

/** Sets a community's minimum posting period (never below the floor) and reply deadline. Applies to notices published from now on. */
export async function updateNoticeSettings(ctx: NoticesContext, communityId: string, input: NoticeSettings) {
  const refusal = checkSettings(input);
  if (refusal) throw refused(refusal);
  return withinTransaction(ctx.db, async (tx) => {
    const before = await settingsOf(tx, communityId);
    const values = { minPostingDays: input.minPostingDays, replyDays: input.replyDays, updatedBy: actorShown(ctx), updatedAt: ctx.now };
    await tx.insert(noticeSettings).values({ communityId, ...values }).onConflictDoUpdate({ target: noticeSettings.communityId, set: values });
    await appendAudit(tx, {
      kind: 'notices.settings_changed', communityId, ...auditOrigin(ctx), objectType: 'notice_settings', objectId: communityId,
      before: { minPostingDays: before.minPostingDays, replyDays: before.replyDays, isDefault: before.isDefault },
      after: { minPostingDays: input.minPostingDays, replyDays: input.replyDays },
    });
    return { ...input, isDefault: false };
  });
}
