import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../platform/db.ts';
import { NO_FIGURES, type Figures } from '../domain/index.ts';

// The sums a count is decided on, added up by the database: one pass over the ballots joined to
// their subjects' frozen areas, whatever the size of the vote. Nothing here decides anything: the
// tally core does, on these sums (domain/tally.ts decideFigures, domain/election.ts decideElection).
//
// In the database each subject holds at most one ballot per question (a unique index), cast by a
// representative of that subject or for its principal, so a ballot counts for its subject as it
// is: the co-owner conflicts and stray ballots that the core resolves in an arbitrary record
// cannot occur here. Platform units carry no shares or allocated votes: those sums are zero, as
// they are when `siyi tally` reads the exported record.

type Key = { id: string; communityId: string };

const figures = (heads: string, area: string): Figures => ({ ...NO_FIGURES, heads: BigInt(heads), area: BigInt(area) });

/** All subjects of the frozen electorate. */
export async function electorateFigures(db: Db, vote: Key): Promise<Figures> {
  const [row] = rowsOf<{ heads: string; area: string }>(await db.execute(sql`
    select count(*)::text as heads, coalesce(sum(area_centi), 0)::text as area
    from vote_subjects where community_id = ${vote.communityId} and vote_id = ${vote.id}`));
  return figures(row.heads, row.area);
}

/** Per question, the ballots by choice (decisions) and all ballots (under the key `all`). */
export async function ballotFigures(db: Db, vote: Key): Promise<Map<string, Map<string, Figures>>> {
  const rows = rowsOf<{ question_id: string; choice: string | null; heads: string; area: string }>(await db.execute(sql`
    select b.question_id, b.content ->> 'choice' as choice, count(*)::text as heads, coalesce(sum(s.area_centi), 0)::text as area
    from vote_ballots b
    join vote_subjects s on s.community_id = b.community_id and s.vote_id = b.vote_id and s.key = b.subject_key
    where b.community_id = ${vote.communityId} and b.vote_id = ${vote.id}
    group by 1, 2`));
  const byQuestion = new Map<string, Map<string, Figures>>();
  for (const row of rows) {
    const sums = byQuestion.get(row.question_id) ?? new Map<string, Figures>();
    byQuestion.set(row.question_id, sums);
    const f = figures(row.heads, row.area);
    if (row.choice !== null) sums.set(row.choice, f);
    const all = sums.get('all') ?? NO_FIGURES;
    sums.set('all', { ...all, heads: all.heads + f.heads, area: all.area + f.area });
  }
  return byQuestion;
}

/** Per election question, each marked candidate's supporters. */
export async function markFigures(db: Db, vote: Key): Promise<Map<string, Map<string, Figures>>> {
  const rows = rowsOf<{ question_id: string; mark: string; heads: string; area: string }>(await db.execute(sql`
    select b.question_id, m.mark, count(*)::text as heads, coalesce(sum(s.area_centi), 0)::text as area
    from vote_ballots b
    join vote_subjects s on s.community_id = b.community_id and s.vote_id = b.vote_id and s.key = b.subject_key
    cross join lateral jsonb_array_elements_text(b.content -> 'marks') as m(mark)
    where b.community_id = ${vote.communityId} and b.vote_id = ${vote.id} and b.content ? 'marks'
    group by 1, 2`));
  const byQuestion = new Map<string, Map<string, Figures>>();
  for (const row of rows) {
    const sums = byQuestion.get(row.question_id) ?? new Map<string, Figures>();
    byQuestion.set(row.question_id, sums);
    sums.set(row.mark, figures(row.heads, row.area));
  }
  return byQuestion;
}

/** The parking units of the frozen electorate, by id in code-unit order. */
export async function parkingUnitIds(db: Db, vote: Key): Promise<string[]> {
  const rows = rowsOf<{ unit_id: string }>(await db.execute(sql`
    select unit_id::text from vote_units where community_id = ${vote.communityId} and vote_id = ${vote.id} and parking
    order by unit_id::text collate "C"`));
  return rows.map((r) => r.unit_id);
}
