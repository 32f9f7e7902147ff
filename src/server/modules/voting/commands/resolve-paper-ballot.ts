import { and, eq } from 'drizzle-orm';
import { resolvePaperBody } from '../../../../contracts/voting-ballots.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkAllowed, type VoteState } from '../domain/lifecycle.ts';
import { questionsOf } from '../repo/votes.ts';
import { votePaperBallots } from '../voting.tables.ts';
import { acceptSheet, differences, readSheet, type PaperReading } from './paper-support.ts';
import { actorShown, conflict, lockVote, parseInput, refused, type VotingContext } from './support.ts';

/**
 * Resolves a mismatch between the two entries of a paper ballot. A third staff member (neither
 * of the two who entered it) reads the scanned sheet and enters what it says; that reading must
 * equal one of the two entries, and the record keeps which one was right. The API never shows
 * the entries' choices, so the resolver cannot simply pick one. The caller has checked
 * canAdministerBallots.
 */
export async function resolvePaperBallot(ctx: VotingContext, vote: { id: string; communityId: string }, paperId: string, raw: unknown) {
  const input = parseInput(resolvePaperBody, raw);
  const who = actorShown(ctx);
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'share');
    const refusal = checkAllowed(locked.state as VoteState, 'paperEntries', 'paper ballots are resolved');
    if (refusal) throw refused(refusal, { state: locked.state });
    const where = and(eq(votePaperBallots.communityId, vote.communityId), eq(votePaperBallots.voteId, vote.id), eq(votePaperBallots.id, paperId));
    const [sheet] = await tx.select().from(votePaperBallots).where(where).for('update');
    if (!sheet) throw notFound('Paper ballot');
    if (sheet.status !== 'mismatch') throw conflict('wrong_state', `this paper ballot is ${sheet.status}; only a mismatch is resolved`, { status: sheet.status });
    if (who === sheet.firstBy || who === sheet.secondBy) {
      throw conflict('paper_resolver_entered', 'a mismatch is resolved by someone who made neither entry');
    }
    const reading = readSheet(await questionsOf(tx, locked), input);
    const first: PaperReading = { answers: sheet.firstAnswers as PaperReading['answers'], scanRef: sheet.firstScanRef };
    const second: PaperReading = { answers: sheet.secondAnswers as PaperReading['answers'], scanRef: sheet.secondScanRef ?? '' };
    const resolution = differences(first, reading).length === 0 ? 'first' : differences(second, reading).length === 0 ? 'second' : null;
    if (!resolution) {
      throw conflict('paper_matches_neither', 'your reading matches neither entry; check the scanned sheet again', { differsFromFirst: differences(first, reading), differsFromSecond: differences(second, reading) });
    }
    const now = ctx.clock.now();
    const accepted = await acceptSheet(tx, locked, sheet.subjectKey, reading, `${resolution === 'first' ? sheet.firstBy : sheet.secondBy} (resolved by ${who})`, now);
    const [paper] = await tx.update(votePaperBallots).set({ status: 'accepted', resolution, resolvedBy: who, resolvedAt: now }).where(where).returning();
    await appendAudit(tx, {
      kind: 'voting.paper_mismatch_resolved',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote_paper_ballot',
      objectId: paperId,
      before: { status: 'mismatch', firstBy: sheet.firstBy, secondBy: sheet.secondBy },
      after: { status: 'accepted', resolution, skipped: accepted.skipped },
    });
    return { paper, ...accepted };
  });
}
