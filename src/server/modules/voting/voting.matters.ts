import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { questionResults } from './voting.results.ts';
import { votes } from './voting.tables.ts';

// For the consultation module (step "resolve" of an Art. 278 matter): the published result of
// the owners' vote that resolves a matter. Added by the consultation module; read-only.

export interface PublishedVoteForMatter {
  voteId: string;
  publishedAt: string;
  /** every decision question passed (election questions do not pass or fail) */
  passed: boolean;
  /** one line per question, as on the notice board */
  summary: { zh: string; en: string };
}

/** The latest published vote that names the matter, with its outcome; null while none is published. */
export async function publishedVoteForMatter(db: Db, communityId: string, matterId: string): Promise<PublishedVoteForMatter | null> {
  const [vote] = await db
    .select()
    .from(votes)
    .where(and(eq(votes.communityId, communityId), eq(votes.matterId, matterId), eq(votes.state, 'published')))
    .orderBy(desc(votes.publishedAt))
    .limit(1);
  if (!vote || !vote.publishedAt) return null;
  const questions = await questionResults(db, vote);
  const decisions = questions.filter((q) => q.kind === 'decision');
  return {
    voteId: vote.id,
    publishedAt: vote.publishedAt.toISOString(),
    passed: decisions.length > 0 && decisions.every((q) => q.passed === true),
    summary: {
      zh: `${vote.title}：${questions.map((q) => `${q.title}——${q.summary.zh}`).join('；')}`,
      en: `${vote.title}: ${questions.map((q) => `${q.title} — ${q.summary.en}`).join('; ')}`,
    },
  };
}
