import { and, eq, inArray } from 'drizzle-orm';
import { revokeProxyBody } from '../../../../contracts/voting-ballots.ts';
import { maskPhone } from '../../../platform/actor.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkAllowed, type VoteState } from '../domain/lifecycle.ts';
import { subjectsSpokenFor } from '../repo/electorate.ts';
import { questionsOf } from '../repo/votes.ts';
import { voteBallots, voteProxies } from '../voting.tables.ts';
import { actorShown, conflict, lockVote, parseInput, refused, type VoteRow, type VotingContext } from './support.ts';

/**
 * Revokes a proxy: from now on its holder no longer speaks for the principal, and the owner may
 * authorise someone else. Refused once the holder has cast a ballot that still stands (the owner
 * overrides it by voting in person instead). The row is kept with who, when and why. The vote
 * row is locked FOR UPDATE, so no ballot of the holder is in flight meanwhile (ballots hold it
 * FOR SHARE). The caller has checked canAdministerBallots.
 */
export async function revokeProxy(ctx: VotingContext, vote: { id: string; communityId: string }, proxyId: string, raw: unknown) {
  const input = parseInput(revokeProxyBody, raw);
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'update');
    const refusal = checkAllowed(locked.state as VoteState, 'proxies', 'proxies are revoked');
    if (refusal) throw refused(refusal, { state: locked.state });
    const where = and(eq(voteProxies.communityId, vote.communityId), eq(voteProxies.voteId, vote.id), eq(voteProxies.id, proxyId));
    const [proxy] = await tx.select().from(voteProxies).where(where).for('update');
    if (!proxy) throw notFound('Proxy');
    if (proxy.revokedAt) throw conflict('proxy_already_revoked', 'this proxy is already revoked', { proxyId: proxy.id });
    const cast = await standingProxyBallots(tx, locked, proxy);
    if (cast.length) {
      throw conflict(
        'proxy_already_voted',
        'the proxy holder has already cast a ballot for this owner, so the proxy can no longer be revoked; the owner can still override that ballot by voting in person before the close',
        { proxyId: proxy.id, questionIds: cast },
      );
    }
    const [row] = await tx.update(voteProxies)
      .set({ revokedAt: ctx.clock.now(), revokedBy: actorShown(ctx), revokeReason: input.reason })
      .where(where)
      .returning();
    await appendAudit(tx, {
      kind: 'voting.proxy_revoked',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote_proxy',
      objectId: row.id,
      after: { voteId: vote.id, principalPersonId: row.principalPersonId, proxyPhone: maskPhone(row.proxyPhone), reason: input.reason },
    });
    return row;
  });
}

/**
 * The questions on which this proxy's ballot still stands (not overridden by the owner). A proxy
 * casts only for its principal's subject, so the look-up names those slots and stays on the
 * ballots' unique index in a vote of a million.
 */
async function standingProxyBallots(tx: Db, vote: VoteRow, proxy: typeof voteProxies.$inferSelect): Promise<string[]> {
  const subjects = await subjectsSpokenFor(tx, vote, [proxy.principalPersonId]);
  if (!subjects.length) return [];
  const questions = await questionsOf(tx, vote);
  const rows = await tx
    .select({ questionId: voteBallots.questionId })
    .from(voteBallots)
    .where(and(
      eq(voteBallots.communityId, vote.communityId),
      eq(voteBallots.voteId, vote.id),
      inArray(voteBallots.questionId, questions.map((q) => q.id)),
      inArray(voteBallots.subjectKey, subjects.map((s) => s.subjectKey)),
      eq(voteBallots.proxyId, proxy.id),
      eq(voteBallots.channel, 'proxy'),
    ));
  return rows.map((r) => r.questionId);
}
