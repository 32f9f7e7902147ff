import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import type { questionInput, updateVoteBody } from '../../../../contracts/voting.ts';
import type { Db } from '../../../platform/db.ts';
import { checkRule, checkSchedule } from '../domain/schedule.ts';
import type { PresetId } from '../domain/presets.ts';
import { voteQuestions } from '../voting.tables.ts';
import type { VoteRow, VoteSettings } from './support.ts';

// What creating and editing a draft share: the checks, writing the questions, the audit record.

type DraftInput = z.output<typeof updateVoteBody>;
type QuestionInput = z.output<typeof questionInput>;

export function checkDraft(input: DraftInput, settings: VoteSettings): FieldIssue[] {
  const times = { noticeAt: new Date(input.noticeAt), opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt) };
  const issues: FieldIssue[] = [];
  if (times.opensAt <= times.noticeAt) issues.push({ path: 'opensAt', message: 'must be after noticeAt' });
  if (times.closesAt <= times.opensAt) issues.push({ path: 'closesAt', message: 'must be after opensAt' });
  if (!issues.length) issues.push(...checkSchedule(times, settings));
  issues.push(...checkRule(input.preset as PresetId, input.options, input.questions));
  return issues;
}

/** Replaces the draft's questions; candidates get the ids c1, c2, … that ballots mark and the record lists. */
export async function writeQuestions(tx: Db, vote: { id: string; communityId: string }, questions: QuestionInput[]) {
  await tx.delete(voteQuestions).where(and(eq(voteQuestions.communityId, vote.communityId), eq(voteQuestions.voteId, vote.id)));
  await tx.insert(voteQuestions).values(questions.map((q, index) => ({
    communityId: vote.communityId,
    voteId: vote.id,
    position: index + 1,
    title: q.title,
    item: q.item,
    kind: q.kind,
    seats: q.kind === 'election' ? q.seats ?? null : null,
    candidates: q.kind === 'election' ? (q.candidates ?? []).map((c, i) => ({ id: `c${i + 1}`, name: c.name })) : null,
  })));
}

export function draftAudit(vote: VoteRow, questions: QuestionInput[]) {
  return {
    compoundId: vote.compoundId,
    matterId: vote.matterId,
    convenerKind: vote.convenerKind,
    title: vote.title,
    preset: vote.preset,
    options: vote.options,
    allowBallotChange: vote.allowBallotChange,
    noticeAt: vote.noticeAt,
    opensAt: vote.opensAt,
    closesAt: vote.closesAt,
    questions: questions.map((q) => ({ title: q.title, item: q.item, kind: q.kind, seats: q.seats ?? null, candidates: q.candidates?.length ?? 0 })),
  };
}
