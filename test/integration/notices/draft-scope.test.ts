import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftBody, noticesWorld, type Client, type NoticesWorld } from './support.ts';

// Where the web app offers "draft a notice": the community's notice settings say whether, and
// for which compounds, the actor may draft. Each answer is checked against what drafting itself
// then does, so the button never promises what the server refuses (or hides what it allows).

let w: NoticesWorld;
let A: string;
let X1: string;
let X2: string;

beforeAll(async () => {
  w = await noticesWorld();
  A = w.world.A.communityId;
  X1 = w.world.A.compounds.compound1.id;
  X2 = w.world.A.compounds.compound2.id;
});
afterAll(() => w.t.close());

const settings = async (c: Client) => {
  const res = await c.get(`/api/communities/${A}/notice-settings`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const tryDraft = (c: Client, compoundId: string | null) => c.post(`/api/communities/${A}/notices`, draftBody({ compoundId }));

describe('where the actor may draft notices', () => {
  it('community managers: community-wide and every compound, as drafting allows', async () => {
    for (const c of [w.staffA, w.streetA, w.districtAdmin]) {
      expect(await settings(c)).toMatchObject({ abilities: { draft: true }, draftScope: { communityWide: true, compoundIds: null } });
      expect((await tryDraft(c, null)).statusCode).toBe(201);
      expect((await tryDraft(c, X2)).statusCode).toBe(201);
    }
    expect((await w.staffA.put(`/api/communities/${A}/notice-settings`, { minPostingDays: 7, replyDays: 3 })).json())
      .toMatchObject({ abilities: { edit: true, draft: true }, draftScope: { communityWide: true, compoundIds: null } });
  });

  it("an owners' committee member: only their own compound, never community-wide", async () => {
    expect(await settings(w.committeeA)).toMatchObject({ abilities: { edit: false, draft: true }, draftScope: { communityWide: false, compoundIds: [X1] } });
    expect((await tryDraft(w.committeeA, X1)).statusCode).toBe(201);
    expect((await tryDraft(w.committeeA, X2)).statusCode).toBe(403);
    const wide = await tryDraft(w.committeeA, null);
    expect(wide.statusCode).toBe(403);
    expect(wide.json().error.details).toMatchObject({ reason: 'committee_needs_compound' });
  });

  it('property staff and grid workers read the settings but draft nowhere', async () => {
    for (const c of [w.propertyA, w.gridA]) {
      expect(await settings(c)).toMatchObject({ abilities: { edit: false, draft: false }, draftScope: { communityWide: false, compoundIds: [] } });
      expect((await tryDraft(c, X1)).statusCode).toBe(403);
    }
  });

  it('another community\u2019s staff get 404, owners 403', async () => {
    expect((await w.staffB.get(`/api/communities/${A}/notice-settings`)).statusCode).toBe(404);
    expect((await w.ownerA.get(`/api/communities/${A}/notice-settings`)).statusCode).toBe(403);
  });
});
