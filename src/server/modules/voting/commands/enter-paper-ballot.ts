import { and, eq, ne } from 'drizzle-orm';
import { paperEntryBody } from '../../../../contracts/voting-ballots.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkAllowed, type VoteState } from '../domain/lifecycle.ts';
import { frozenUnit } from '../repo/electorate.ts';
import { questionsOf } from '../repo/votes.ts';
import { votePaperBallots } from '../voting.tables.ts';
import { acceptSheet, differences, readSheet, type PaperReading } from './paper-support.ts';
import { actorShown, conflict, invalid, lockVote, parseInput, refused, type VotingContext } from './support.ts';

/**
 * Double entry of a paper ballot sheet: the first staff member's entry waits for a second entry
 * by someone else. Identical entries (unit, answers, scanned-sheet reference) accept the ballots;
 * a difference is flagged as a mismatch, which a third person resolves before the count. The
 * response names the fields that differ, never a choice. The caller has checked canAdministerBallots.
 */
export async function enterPaperBallot(ctx: VotingContext, vote: { id: string; communityId: string }, raw: unknown) {
  const input = parseInput(paperEntryBody, raw);
  const who = actorShown(ctx);
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'share');
    const refusal = checkAllowed(locked.state as VoteState, 'paperEntries', 'paper ballots are entered');
    if (refusal) throw refused(refusal, { state: locked.state });
    const unit = await frozenUnit(tx, locked, input.unitId);
    if (!unit) throw invalid([{ path: 'unitId', message: 'is not a unit of this vote\'s electorate' }]);
    if (!unit.subjectKey) throw invalid([{ path: 'unitId', message: 'is a parking space this compound leaves out of the count' }]);
    const reading = readSheet(await questionsOf(tx, locked), input);
    const now = ctx.clock.now();

    const fresh = await tx.insert(votePaperBallots).values({
      communityId: vote.communityId, voteId: vote.id, subjectKey: unit.subjectKey, unitId: unit.unitId, status: 'awaiting_second',
      firstAnswers: reading.answers, firstScanRef: reading.scanRef, firstBy: who, firstAt: now,
    }).onConflictDoNothing().returning();
    if (fresh.length) {
      await audit(ctx, tx, vote.communityId, fresh[0].id, { voteId: vote.id, unitId: unit.unitId, entry: 1, status: 'awaiting_second' });
      return { paper: fresh[0], receipts: [], skipped: [] };
    }

    // the subject's live sheet: discarded ones are kept beside it and never entered again
    const live = and(
      eq(votePaperBallots.communityId, vote.communityId), eq(votePaperBallots.voteId, vote.id),
      eq(votePaperBallots.subjectKey, unit.subjectKey), ne(votePaperBallots.status, 'discarded'),
    );
    const [sheet] = await tx.select().from(votePaperBallots).where(live).for('update');
    if (!sheet) throw conflict('paper_already_discarded', 'the sheet of this subject was discarded while you entered it; enter it again as a first entry');
    if (sheet.status === 'accepted') throw conflict('paper_already_accepted', 'the paper ballot of this subject is already accepted', { paperBallotId: sheet.id });
    if (sheet.status === 'mismatch') throw conflict('paper_mismatch_open', 'the two entries of this paper ballot disagree; a third person resolves it', { paperBallotId: sheet.id });
    if (sheet.firstBy === who) throw conflict('paper_same_staff', 'the second entry must be made by a different staff member', { paperBallotId: sheet.id });

    const first: PaperReading = { answers: sheet.firstAnswers as PaperReading['answers'], scanRef: sheet.firstScanRef };
    const diff = differences(first, reading);
    if (sheet.unitId !== unit.unitId) diff.unshift('unitId');
    const agreed = diff.length === 0;
    const accepted = agreed ? await acceptSheet(tx, locked, unit.subjectKey, reading, `${sheet.firstBy} + ${who}`, now) : { receipts: [], skipped: [] };
    const [paper] = await tx.update(votePaperBallots).set({
      status: agreed ? 'accepted' : 'mismatch', secondAnswers: reading.answers, secondScanRef: reading.scanRef, secondBy: who, secondAt: now,
    }).where(and(eq(votePaperBallots.communityId, vote.communityId), eq(votePaperBallots.id, sheet.id))).returning();
    await audit(ctx, tx, vote.communityId, paper.id, { voteId: vote.id, unitId: unit.unitId, entry: 2, status: paper.status, differences: diff, skipped: accepted.skipped });
    return { paper, ...accepted };
  });
}

function audit(ctx: VotingContext, tx: Db, communityId: string, id: string, after: Record<string, unknown>) {
  return appendAudit(tx, {
    kind: 'voting.paper_entry_recorded',
    communityId,
    ...auditOrigin(ctx),
    objectType: 'vote_paper_ballot',
    objectId: id,
    after,
  });
}
