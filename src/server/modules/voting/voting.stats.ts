import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { progressView } from '../../../contracts/voting.ts';
import { rowsOf, type Db } from '../../platform/db.ts';
import type { VoteRow } from './commands/support.ts';
import { chooseArea, formatCenti } from './domain/area.ts';
import { toVoteUnit, type Electorate } from './domain/electorate.ts';
import { STATE_ALLOWS, type VoteState } from './domain/lifecycle.ts';
import { classOfItem, resolveOptions, ruleFor, type PresetId, type VoteOptions } from './domain/presets.ts';
import { quorumProgress } from './domain/progress.ts';
import { paperCounts, participation } from './repo/ballots.ts';
import { liveElectorate } from './repo/electorate.ts';
import { ballotFigures, electorateFigures } from './repo/figures.ts';
import { questionsOf } from './repo/votes.ts';

/**
 * Live participation per question, overall against the quorum and per building: how many
 * subjects (heads) and how much area have a ballot. Reads which subjects have a ballot, never
 * what it says. Once the electorate is frozen the database adds it up (a street-wide vote has a
 * million units); before, there are no ballots and the live roll of one compound is summed here.
 * The reads run in turn: voting's index offers this to other modules, which may call it inside
 * their transaction (one client, one query at a time).
 */
export async function voteProgress(db: Db, vote: VoteRow): Promise<z.infer<typeof progressView>> {
  const state = vote.state as VoteState;
  const frozen = STATE_ALLOWS[state].frozen;
  const figures = frozen ? await progressFromDatabase(db, vote) : progressFromElectorate(await liveElectorate(db, vote), await participation(db, vote));
  const questions = await questionsOf(db, vote);
  const paper = await paperCounts(db, vote);
  const preset = vote.preset as PresetId;
  const none: Sums = { area: 0n, heads: 0n };

  return {
    state,
    frozen,
    paper,
    questions: questions.map((q) => {
      const kind = q.kind as 'decision' | 'election';
      const options = resolveOptions(preset, vote.options as Partial<VoteOptions>, kind);
      const rule = ruleFor(preset, kind === 'election' ? 'ordinary' : classOfItem(preset, q.item), options.ok ? options.value : (vote.options as VoteOptions));
      const participating = figures.voted.get(q.id) ?? none;
      const quorum = quorumProgress(rule.participation, participating, figures.total);
      const inBuildings = figures.votedByBuilding.get(q.id);
      return {
        questionId: q.id,
        title: q.title,
        ballots: Number(participating.heads),
        quorum: {
          met: quorum.met,
          area: { ...quorum.area, value: formatCenti(quorum.area.value), total: formatCenti(quorum.area.total), needed: formatCenti(quorum.area.needed) },
          heads: { ...quorum.heads, value: Number(quorum.heads.value), total: Number(quorum.heads.total), needed: Number(quorum.heads.needed) },
          words: quorum.words,
        },
        buildings: figures.buildings.map((b) => {
          const inVote = inBuildings?.get(b.buildingId) ?? none;
          return {
            buildingId: b.buildingId,
            buildingName: b.buildingName,
            area: { value: formatCenti(inVote.area), total: formatCenti(b.total.area) },
            // a subject with units in several buildings counts as one head in each of them
            heads: { value: Number(inVote.heads), total: Number(b.total.heads) },
          };
        }),
      };
    }),
  };
}

type Sums = { area: bigint; heads: bigint };

/** What progress is made of, whichever way it was added up. */
export interface ProgressFigures {
  total: Sums;
  /** per question: the subjects with a ballot */
  voted: Map<string, Sums>;
  /** in the roll's order (by building name); units left out of the count add nothing */
  buildings: { buildingId: string; buildingName: string; total: Sums }[];
  /** per question, per building: the counted units whose subject has a ballot */
  votedByBuilding: Map<string, Map<string, Sums>>;
}

/** Summed here from an electorate and which subjects have a ballot on which question. */
export function progressFromElectorate(electorate: Electorate, ballots: { questionId: string; subjectKey: string }[]): ProgressFigures {
  const areaOfSubject = new Map(electorate.subjects.map((s) => [s.key, s.areaCenti]));
  const total = { area: electorate.subjects.reduce((sum, s) => sum + s.areaCenti, 0n), heads: BigInt(electorate.subjects.length) };
  const areaOfUnit = new Map(electorate.units.map((u) => [u.unitId, chooseArea(toVoteUnit(u).area)?.centi ?? 0n]));
  const counted = electorate.units.filter((u) => u.subjectKey !== null);
  const sumUnits = (units: typeof counted): Sums => ({
    area: units.reduce((s, u) => s + areaOfUnit.get(u.unitId)!, 0n),
    heads: BigInt(new Set(units.map((u) => u.subjectKey)).size),
  });
  const buildings = [...new Map(electorate.units.map((u) => [u.buildingId, u.buildingName])).entries()]
    .map(([buildingId, buildingName]) => ({ buildingId, buildingName, total: sumUnits(counted.filter((u) => u.buildingId === buildingId)) }));

  const keysOf = new Map<string, Set<string>>();
  for (const b of ballots) keysOf.set(b.questionId, (keysOf.get(b.questionId) ?? new Set()).add(b.subjectKey));
  const voted = new Map<string, Sums>();
  const votedByBuilding = new Map<string, Map<string, Sums>>();
  for (const [questionId, keys] of keysOf) {
    const withSubject = [...keys].filter((k) => areaOfSubject.has(k));
    voted.set(questionId, { area: withSubject.reduce((s, k) => s + areaOfSubject.get(k)!, 0n), heads: BigInt(withSubject.length) });
    const inVote = counted.filter((u) => keys.has(u.subjectKey!));
    votedByBuilding.set(questionId, new Map(buildings.map((b) => [b.buildingId, sumUnits(inVote.filter((u) => u.buildingId === b.buildingId))])));
  }
  return { total, voted, buildings, votedByBuilding };
}

/** Summed by the database from the frozen electorate and the ballots: three grouped reads, whatever the size. */
export async function progressFromDatabase(db: Db, vote: { id: string; communityId: string }): Promise<ProgressFigures> {
  const total = await electorateFigures(db, vote);
  const voted = new Map([...(await ballotFigures(db, vote)).entries()].map(([questionId, sums]) => {
    const all = sums.get('all')!;
    return [questionId, { area: all.area, heads: all.heads }];
  }));
  // a unit's area by the sources' priority (domain/area.ts chooseArea: registered, surveyed, contract)
  const area = sql.raw('coalesce(u.area_registered_centi, u.area_surveyed_centi, u.area_contract_centi)');
  const buildingRows = rowsOf<{ building_id: string; building_name: string; area: string; heads: string }>(await db.execute(sql`
    select u.building_id, min(u.building_name) as building_name,
           coalesce(sum(case when u.subject_key is not null then ${area} end), 0)::text as area, count(distinct u.subject_key)::text as heads
    from vote_units u where u.community_id = ${vote.communityId} and u.vote_id = ${vote.id}
    group by u.building_id order by min(u.building_name), min(u.number)`));
  const votedRows = rowsOf<{ question_id: string; building_id: string; area: string; heads: string }>(await db.execute(sql`
    select b.question_id, u.building_id, coalesce(sum(${area}), 0)::text as area, count(distinct u.subject_key)::text as heads
    from vote_ballots b
    join vote_units u on u.community_id = b.community_id and u.vote_id = b.vote_id and u.subject_key = b.subject_key
    where b.community_id = ${vote.communityId} and b.vote_id = ${vote.id}
    group by 1, 2`));
  const votedByBuilding = new Map<string, Map<string, Sums>>();
  for (const r of votedRows) {
    const perBuilding = votedByBuilding.get(r.question_id) ?? new Map<string, Sums>();
    votedByBuilding.set(r.question_id, perBuilding.set(r.building_id, { area: BigInt(r.area), heads: BigInt(r.heads) }));
  }
  return {
    total: { area: total.area, heads: total.heads },
    voted,
    buildings: buildingRows.map((r) => ({ buildingId: r.building_id, buildingName: r.building_name, total: { area: BigInt(r.area), heads: BigInt(r.heads) } })),
    votedByBuilding,
  };
}
