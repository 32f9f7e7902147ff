import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import {
  decideElection, decideFigures, decisionRule, formatFieldError, NO_FIGURES, resolveOptions,
  type DecisionOutcome, type ElectionOutcome, type Figures, type PresetId, type VoteOptions,
} from '../domain/index.ts';
import { excludedParkingReport } from '../domain/report.ts';
import { ballotFigures, electorateFigures, markFigures, parkingUnitIds } from '../repo/figures.ts';
import { questionsOf } from '../repo/votes.ts';
import { votePaperBallots, voteResults } from '../voting.tables.ts';
import { candidatesOf } from '../voting.views.ts';
import { moveVote } from './transition.ts';
import { conflict, type VoteRow, type VotingContext } from './support.ts';

/**
 * Counts every question of a closed vote. The database sums the ballots by choice (or by marked
 * candidate) over the subjects' frozen areas, and the tally core decides on those sums with the
 * same code `siyi tally FILE` runs on an exported record (decideFigures, decideElection); the
 * export is built from the same frozen electorate and ballots, which nothing changes after the
 * close. The result is stored without its per-subject reports, which are derived page by page
 * when asked for (voting.subjects.ts), so a vote of a million subjects counts in about the time
 * the database takes to read its ballots once. No ballot can be added from here on; the receipts
 * are sealed in their Merkle root when the result is published (publish-vote.ts). Refused while a
 * paper ballot awaits its second entry or has an unresolved mismatch.
 */
export function countVote(ctx: VotingContext, vote: { id: string; communityId: string; compoundId: string }) {
  return moveVote(ctx, vote, 'count', 'voting.vote_counted', async (tx, locked, now) => {
    await refuseOpenPaperBallots(tx, locked);
    const counted = await countQuestions(tx, locked);
    return {
      set: { countedAt: now },
      audit: { countedAt: now, ballots: counted.ballots, questions: counted.outcomes },
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
  const total = await electorateFigures(tx, vote);
  const byChoice = await ballotFigures(tx, vote);
  const byMark = questions.some((q) => q.kind === 'election') ? await markFigures(tx, vote) : new Map<string, Map<string, Figures>>();
  const preset = vote.preset as PresetId;
  const options = Object.fromEntries(Object.entries(vote.options as Partial<VoteOptions>).filter(([, value]) => value !== undefined)) as Partial<VoteOptions>;
  const parking = await parkingUnitIds(tx, vote);
  const outcomes: { questionId: string; passed: boolean | null }[] = [];
  let ballots = 0;
  for (const question of questions) {
    const sums = byChoice.get(question.id) ?? new Map<string, Figures>();
    ballots += Number(sums.get('all')?.heads ?? 0n);
    const of = (key: string) => sums.get(key) ?? NO_FIGURES;
    let result: DecisionOutcome | ElectionOutcome;
    if (question.kind === 'decision') {
      const decided = decisionRule({ preset, item: question.item, options });
      if (!decided.ok) throw conflict('record_malformed', `question ${question.position}: ${formatFieldError(decided.error)}`, { questionId: question.id });
      const participating = of('all');
      const noBallot = { ...total, heads: total.heads - participating.heads, area: total.area - participating.area };
      result = decideFigures(decided.value, { total, for: of('for'), against: of('against'), abstain: of('abstain'), noBallot });
    } else {
      const resolved = resolveOptions(preset, options, 'election');
      if (!resolved.ok) throw conflict('record_malformed', `question ${question.position}: ${formatFieldError(resolved.error)}`, { questionId: question.id });
      const candidates = candidatesOf(question).map((c) => c.id);
      const support = byMark.get(question.id) ?? new Map<string, Figures>();
      result = decideElection({ preset, options: resolved.value, seats: question.seats ?? 0, candidates }, { total, participating: of('all'), support });
    }
    const excludedUnits = result.options.parkingInVotingArea ? [] : excludedParkingReport(parking);
    const passed = result.kind === 'decision' ? result.passed : null;
    await tx.insert(voteResults).values({
      communityId: vote.communityId,
      voteId: vote.id,
      questionId: question.id,
      // the result `siyi tally` prints for the exported record, but for its subjects, which are
      // served page by page (GET …/subjects): a street-wide vote has a million of them
      resultJson: JSON.stringify({ ...result, excludedUnits }, null, 2),
      passed,
    });
    outcomes.push({ questionId: question.id, passed });
  }
  return { outcomes, ballots };
}
