import { and, eq } from 'drizzle-orm';
import { extendVoteBody } from '../../../../contracts/voting.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkExtension, type VoteState } from '../domain/lifecycle.ts';
import { electorateOf } from '../repo/electorate.ts';
import { voteNotifications, votes } from '../voting.tables.ts';
import { lockVote, parseInput, refused, settingsOf, type VotingContext } from './support.ts';

/** Both languages of the notification, with the time in China Standard Time as a notice board shows it. */
function extensionMessages(title: string, closesAt: Date, reason: string | undefined) {
  const local = new Date(closesAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  return {
    zh: `表决「${title}」的截止时间延长至 ${local}（北京时间）。${reason ? `原因：${reason}` : ''}`.trim(),
    en: `The closing time of the vote "${title}" is extended to ${local} (China Standard Time).${reason ? ` Reason: ${reason}` : ''}`,
  };
}

/**
 * Moves the closing time later, before it passes, within the compound's longest window. The
 * owners of the electorate are notified: a notification record naming them (by person id) is
 * written with the change, and shows on the vote for every owner. Audited with both times.
 */
export async function extendClosing(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }, raw: { closesAt: string; reason?: string }) {
  const input = parseInput(extendVoteBody, raw);
  const newClosesAt = new Date(input.closesAt);
  const now = ctx.clock.now();
  const settings = await settingsOf(ctx.db, { id: vote.compoundId, communityId: vote.communityId });
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'update');
    const refusal = checkExtension(locked.state as VoteState, now, locked, newClosesAt, settings);
    if (refusal) throw refused(refusal, { state: locked.state });
    const electorate = await electorateOf(tx, locked);
    const recipients = [...new Set(electorate.units.flatMap((u) => u.ownerIds))].sort();
    const message = extensionMessages(locked.title, newClosesAt, input.reason);
    await tx.insert(voteNotifications).values({
      communityId: vote.communityId,
      voteId: vote.id,
      kind: 'closing_extended',
      messageZh: message.zh,
      messageEn: message.en,
      recipients,
    });
    const [after] = await tx
      .update(votes)
      .set({ closesAt: newClosesAt })
      .where(and(eq(votes.communityId, vote.communityId), eq(votes.id, vote.id)))
      .returning();
    await appendAudit(tx, {
      kind: 'voting.closing_extended',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote',
      objectId: vote.id,
      before: { closesAt: locked.closesAt },
      after: { closesAt: newClosesAt, reason: input.reason ?? null, notified: recipients.length },
    });
    return after;
  });
}
