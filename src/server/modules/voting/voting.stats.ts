import type { z } from 'zod';
import type { progressView } from '../../../contracts/voting.ts';
import type { Db } from '../../platform/db.ts';
import type { VoteRow } from './commands/support.ts';
import { chooseArea, formatCenti } from './domain/area.ts';
import { toVoteUnit } from './domain/electorate.ts';
import { STATE_ALLOWS, type VoteState } from './domain/lifecycle.ts';
import { classOfItem, resolveOptions, ruleFor, type PresetId, type VoteOptions } from './domain/presets.ts';
import { quorumProgress } from './domain/progress.ts';
import { paperCounts, participation } from './repo/ballots.ts';
import { electorateOf } from './repo/electorate.ts';
import { questionsOf } from './repo/votes.ts';

/**
 * Live participation per question, overall against the quorum and per building: how many
 * subjects (heads) and how much area have a ballot. Reads which subjects have a ballot, never
 * what it says. The reads run in turn: voting's index offers this to other modules, which may
 * call it inside their transaction (one client, one query at a time).
 */
export async function voteProgress(db: Db, vote: VoteRow): Promise<z.infer<typeof progressView>> {
  const state = vote.state as VoteState;
  const electorate = await electorateOf(db, vote);
  const questions = await questionsOf(db, vote);
  const ballots = await participation(db, vote);
  const paper = await paperCounts(db, vote);
  const preset = vote.preset as PresetId;
  const totalArea = electorate.subjects.reduce((sum, s) => sum + s.areaCenti, 0n);
  const total = { area: totalArea, heads: BigInt(electorate.subjects.length) };
  const areaOfUnit = new Map(electorate.units.map((u) => [u.unitId, chooseArea(toVoteUnit(u).area)?.centi ?? 0n]));
  const buildings = [...new Map(electorate.units.map((u) => [u.buildingId, u.buildingName])).entries()];

  return {
    state,
    frozen: STATE_ALLOWS[state].frozen,
    paper,
    questions: questions.map((q) => {
      const kind = q.kind as 'decision' | 'election';
      const options = resolveOptions(preset, vote.options as Partial<VoteOptions>, kind);
      const rule = ruleFor(preset, kind === 'election' ? 'ordinary' : classOfItem(preset, q.item), options.ok ? options.value : (vote.options as VoteOptions));
      const voted = new Set(ballots.filter((b) => b.questionId === q.id).map((b) => b.subjectKey));
      const taking = electorate.subjects.filter((s) => voted.has(s.key));
      const participating = { area: taking.reduce((sum, s) => sum + s.areaCenti, 0n), heads: BigInt(taking.length) };
      const quorum = quorumProgress(rule.participation, participating, total);
      return {
        questionId: q.id,
        title: q.title,
        ballots: voted.size,
        quorum: {
          met: quorum.met,
          area: { ...quorum.area, value: formatCenti(quorum.area.value), total: formatCenti(quorum.area.total), needed: formatCenti(quorum.area.needed) },
          heads: { ...quorum.heads, value: Number(quorum.heads.value), total: Number(quorum.heads.total), needed: Number(quorum.heads.needed) },
          words: quorum.words,
        },
        buildings: buildings.map(([buildingId, buildingName]) => {
          const counted = electorate.units.filter((u) => u.buildingId === buildingId && u.subjectKey !== null);
          const inVote = counted.filter((u) => voted.has(u.subjectKey!));
          const sum = (units: typeof counted) => units.reduce((s, u) => s + areaOfUnit.get(u.unitId)!, 0n);
          return {
            buildingId,
            buildingName,
            area: { value: formatCenti(sum(inVote)), total: formatCenti(sum(counted)) },
            // a subject with units in several buildings counts as one head in each of them
            heads: { value: new Set(inVote.map((u) => u.subjectKey)).size, total: new Set(counted.map((u) => u.subjectKey)).size },
          };
        }),
      };
    }),
  };
}
