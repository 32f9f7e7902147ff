import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recountText } from '../../../src/server/modules/voting/domain/index.ts';
import { participation } from '../../../src/server/modules/voting/repo/ballots.ts';
import { frozenElectorate } from '../../../src/server/modules/voting/repo/electorate.ts';
import { progressFromDatabase, progressFromElectorate } from '../../../src/server/modules/voting/voting.stats.ts';
import { allSubjects, client, DAY, expectStatus, idem, openedVote, ownerClient, staffClient, votingWorld, type Client, type VotingWorld } from './world.ts';

// The platform counts from sums the database adds up (repo/figures.ts) and reports subjects page
// by page; `siyi tally` counts the exported record whole, subject by subject. For random ballots
// under every option that changes the arithmetic (silent votes with and without the zj2009 guard,
// parking in or out, each preset the platform convenes under, elections with ties), the two must
// print the same result, figure for figure and subject for subject. Live progress, summed by the
// database too, is held to the same sums done here over the frozen electorate.

let w: VotingWorld;
let committee: Client;
beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
  // some units measured by several sources, so that the source's priority decides their area
  await w.t.database.query(
    `update units set area_surveyed_centi = coalesce(area_registered_centi, 0) + 777, area_contract_centi = coalesce(area_surveyed_centi, 0) + 1313
     where compound_id = $1 and number in ('101', '401', '701', '301', '601')`,
    [w.compound.id],
  );
});
afterAll(() => w.t.close());

const CHOICES = ['for', 'against', 'abstain'] as const;
const scenario = fc.record({
  preset: fc.constantFrom('cn-civil-code-2021', 'cn-property-law-2007'),
  item: fc.integer({ min: 1, max: 9 }),
  silentVotes: fc.constantFrom('off', 'follow-majority', 'follow-majority-zj2009'),
  parkingInVotingArea: fc.boolean(),
  // per voter (in the electorate's order): no ballot, or a choice and the marks of the election
  ballots: fc.array(fc.option(fc.record({ choice: fc.constantFrom(...CHOICES), marks: fc.subarray(['c1', 'c2', 'c3'], { maxLength: 2 }) }), { nil: undefined }), { minLength: 26, maxLength: 26 }),
});

describe('the database count agrees with `siyi tally` on the export', () => {
  it('for random ballots under every option', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        run++;
        const noticeAt = new Date(w.clock.now().getTime() + DAY);
        const opensAt = new Date(noticeAt.getTime() + 16 * DAY);
        const closesAt = new Date(opensAt.getTime() + 10 * DAY);
        // parking in the voting area is the compound's setting, which the vote copies when convened
        await w.t.database.query('update compounds set parking_in_voting_area = $1 where id = $2', [s.parkingInVotingArea, w.compound.id]);
        const options = {
          silentVotes: s.silentVotes,
          ...(s.silentVotes === 'off' ? {} : { silentVotesClause: 'Rules of procedure Art. 12' }),
        };
        const vote = expectStatus(await committee.post('/api/votes', {
          compoundId: w.compound.id, title: `Agreement ${run}`, noticeText: '表决公告', preset: s.preset, options,
          noticeAt: noticeAt.toISOString(), opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(),
          // silent votes are for decisions only: with them on, the vote has no election
          questions: [
            { title: 'A matter', item: s.item },
            ...(s.silentVotes === 'off' ? [{ title: 'The committee', item: 3, kind: 'election', seats: 2, candidates: [{ name: 'Wang' }, { name: 'Li' }, { name: 'Zhao' }] }] : []),
          ],
        }), 201);
        expectStatus(await committee.post(`/api/votes/${vote.id}/announce`), 200);
        w.clock.set(vote.opensAt);
        expectStatus(await committee.post(`/api/votes/${vote.id}/open`), 200);
        const [decision, election] = vote.questions.map((q: { id: string }) => q.id) as [string, string | undefined];

        const voters = [...w.soleOwners, w.multiOwner, w.developer, w.coOwned[0].owners[0], w.coOwned[1].owners[0], w.coOwned[2].owners[0], w.coOwned[2].owners[1]];
        // all at once, so that the ballots go through the group commit as they do in a rush
        await Promise.all(voters.map(async (voter, i) => {
          const b = s.ballots[i];
          if (!b) return;
          const owner = await ownerClient(w, voter);
          const first = await owner.post(`/api/votes/${vote.id}/questions/${decision}/ballots`, { choice: b.choice }, idem());
          // the second co-owner of a unit without a named voter may find the slot taken: that is the rule
          if (first.statusCode !== 201) expect(first.json().error.details).toMatchObject({ reason: 'ballot_exists' });
          if (!election) return;
          const second = await owner.post(`/api/votes/${vote.id}/questions/${election}/ballots`, { marks: b.marks }, idem());
          if (second.statusCode !== 201) expect(second.json().error.details).toMatchObject({ reason: 'ballot_exists' });
        }));

        // live progress, summed by the database, is what summing the frozen electorate here gives
        const key = { id: vote.id, communityId: w.communityId, compoundId: w.compound.id, state: 'open' as const, options: vote.options };
        expect(await progressFromDatabase(w.db, key)).toEqual(progressFromElectorate(await frozenElectorate(w.db, key), await participation(w.db, key)));

        w.clock.set(vote.closesAt);
        expectStatus(await committee.post(`/api/votes/${vote.id}/close`), 200);
        expectStatus(await committee.post(`/api/votes/${vote.id}/count`), 200);
        const results = expectStatus(await committee.get(`/api/votes/${vote.id}/results`), 200);
        for (const question of vote.questions.map((q: { id: string }) => q.id)) {
          const exported = await committee.get(`/api/votes/${vote.id}/questions/${question}/record.json`);
          expect(exported.statusCode).toBe(200);
          const recount = recountText(exported.body);
          if (!recount.ok) throw new Error(JSON.stringify(recount.error));
          const published = results.questions.find((q: { questionId: string }) => q.questionId === question).result;
          const subjects = await allSubjects(committee, vote.id, question, 9);
          expect({ ...published, subjects }).toEqual(recount.value);
        }
      }),
      { numRuns: 12, seed: 278 },
    );
    expect(run).toBe(12);
  });

  it('refuses the subjects of a question not yet counted, and answers 404 for an unknown vote', async () => {
    const vote = await openedVote(w, committee);
    const early = await committee.get(`/api/votes/${vote.id}/questions/${vote.questions[0].id}/subjects`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toMatchObject({ reason: 'wrong_state' });
    const unknown = await client(w.app, null).get(`/api/votes/${crypto.randomUUID()}/questions/${crypto.randomUUID()}/subjects`);
    expect(unknown.statusCode).toBe(404);
  });
});
