import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { formatFieldError } from '../domain/result.ts';
import { recountText } from '../domain/recount.ts';
import { buildRecordDocument, type BallotContent } from '../domain/export-record.ts';
import { merkleRoot } from '../domain/merkle.ts';
import type { PresetId, VoteOptions } from '../domain/presets.ts';
import { frozenElectorate } from '../repo/electorate.ts';
import { questionsOf } from '../repo/votes.ts';
import { voteBallots, votePaperBallots, voteResults } from '../voting.tables.ts';
import { candidatesOf } from '../voting.views.ts';
import { moveVote } from './transition.ts';
import { conflict, type VoteRow, type VotingContext } from './support.ts';

/**
 * Counts every question of a closed vote. Each question's `siyi.vote-record/1` document is built
 * from the frozen electorate and the accepted ballots, written out as text, and that very text is
 * counted by recountText, the function `siyi tally FILE` runs. The text is stored and is what the
 * export serves, so a recount of the export prints exactly the stored result. The Merkle root of
 * the counted ballots' receipts is fixed here, once no paper ballot can still be accepted.
 * Refused while a paper ballot awaits its second entry or has an unresolved mismatch.
 */
export function countVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }) {
  return moveVote(ctx, vote, 'count', 'voting.vote_counted', async (tx, locked, now) => {
    await refuseOpenPaperBallots(tx, locked);
    const counted = await countQuestions(tx, locked);
    const leaves = counted.ballots.map((b) => b.receiptLeaf);
    const root = merkleRoot(leaves);
    return {
      set: { countedAt: now, merkleRoot: root },
      audit: { countedAt: now, merkleRoot: root, ballots: leaves.length, questions: counted.outcomes },
    };
  });
}

async function refuseOpenPaperBallots(tx: Db, vote: VoteRow) {
  const open = await tx
    .select({ id: votePaperBallots.id, unitId: votePaperBallots.unitId, status: votePaperBallots.status })
    .from(votePaperBallots)
    .where(and(
      eq(votePaperBallots.communityId, vote.communityId),
      eq(votePaperBallots.voteId, vote.id),
      inArray(votePaperBallots.status, ['awaiting_second', 'mismatch']),
    ));
  const mismatches = open.filter((p) => p.status === 'mismatch');
  if (mismatches.length) {
    throw conflict('paper_mismatch_open', `${mismatches.length} paper ballot(s) have entries that disagree; resolve them before counting`, { paperBallots: mismatches });
  }
  if (open.length) {
    throw conflict('paper_entry_pending', `${open.length} paper ballot(s) await their second entry; complete them before counting`, { paperBallots: open });
  }
}

async function countQuestions(tx: Db, vote: VoteRow) {
  const questions = await questionsOf(tx, vote);
  const electorate = await frozenElectorate(tx, vote);
  const ballots = await tx
    .select({ questionId: voteBallots.questionId, voter: voteBallots.voterPersonId, content: voteBallots.content, receiptLeaf: voteBallots.receiptLeaf })
    .from(voteBallots)
    .where(and(eq(voteBallots.communityId, vote.communityId), eq(voteBallots.voteId, vote.id)));
  const outcomes: { questionId: string; passed: boolean | null }[] = [];
  for (const question of questions) {
    const document = buildRecordDocument({
      voteId: vote.id,
      question: {
        id: question.id,
        title: question.title,
        item: question.item,
        kind: question.kind as 'decision' | 'election',
        seats: question.seats,
        candidateIds: candidatesOf(question).map((c) => c.id),
      },
      preset: vote.preset as PresetId,
      options: vote.options as Partial<VoteOptions>,
      units: electorate.units,
      ballots: ballots.filter((b) => b.questionId === question.id).map((b) => ({ voter: b.voter, content: b.content as BallotContent })),
    });
    const recordJson = JSON.stringify(document, null, 2);
    const result = recountText(recordJson);
    if (!result.ok) {
      throw conflict('record_malformed', `question ${question.position}: the vote record is malformed: ${formatFieldError(result.error)}`, { questionId: question.id });
    }
    const passed = result.value.kind === 'decision' ? result.value.passed : null;
    await tx.insert(voteResults).values({
      communityId: vote.communityId,
      voteId: vote.id,
      questionId: question.id,
      recordJson,
      // the same text `siyi tally` prints for this record
      resultJson: JSON.stringify(result.value, null, 2),
      passed,
    });
    outcomes.push({ questionId: question.id, passed });
  }
  return { outcomes, ballots };
}
