import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draft, draftBody, noticesWorld, published, type Client, type NoticesWorld } from './support.ts';

let w: NoticesWorld;
let A: string;
let B: string;
let X1: string;
let X2: string;
let ids: Record<'communityDraft' | 'x1' | 'x2' | 'wide' | 'committeeDraft' | 'committeePublished', string>;

beforeAll(async () => {
  w = await noticesWorld();
  A = w.world.A.communityId;
  B = w.world.B.communityId;
  X1 = w.world.A.compounds.compound1.id;
  X2 = w.world.A.compounds.compound2.id;
  ids = {
    communityDraft: (await draft(w.staffA, A, { compoundId: X1, title: 'community draft' })).id,
    x1: (await published(w.staffA, A, { compoundId: X1, title: 'x1' })).id,
    x2: (await published(w.staffA, A, { compoundId: X2, title: 'x2' })).id,
    wide: (await published(w.staffA, A, { compoundId: null, title: 'wide' })).id,
    committeeDraft: (await draft(w.committeeA, A, { compoundId: X1, title: 'committee draft' })).id,
    committeePublished: (await published(w.committeeA, A, { compoundId: X1, title: 'committee published' })).id,
  };
});
afterAll(() => w.t.close());

const listTitles = async (c: Client, communityId: string) => {
  const res = await c.get(`/api/communities/${communityId}/notices?pageSize=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { title: string }) => i.title).sort();
};

describe('scope isolation', () => {
  it('hides a community\u2019s notices from another community\u2019s staff (404, like a missing one)', async () => {
    for (const id of Object.values(ids)) expect((await w.staffB.get(`/api/notices/${id}`)).statusCode).toBe(404);
    expect((await w.staffB.get(`/api/communities/${A}/notices`)).statusCode).toBe(404);
    expect((await w.staffB.post(`/api/communities/${A}/notices`, draftBody())).statusCode).toBe(404);
    expect((await w.staffB.post(`/api/notices/${ids.communityDraft}/publish`)).statusCode).toBe(404);
    expect((await w.staffB.patch(`/api/notices/${ids.communityDraft}`, { title: 'x' })).statusCode).toBe(404);
    expect(await listTitles(w.staffB, B)).toEqual([]);
  });

  it('lets community staff, the street and the district manage everything of the community', async () => {
    const all = ['committee draft', 'committee published', 'community draft', 'wide', 'x1', 'x2'];
    expect(await listTitles(w.staffA, A)).toEqual(all);
    expect(await listTitles(w.streetA, A)).toEqual(all);
    expect(await listTitles(w.districtAdmin, A)).toEqual(all);
    expect((await w.streetA.get(`/api/communities/${B}/notices`)).statusCode).toBe(404);
    expect((await w.districtAdmin.get(`/api/communities/${B}/notices`)).statusCode).toBe(200);
    expect((await w.streetA.get(`/api/notices/${ids.committeeDraft}`)).json().abilities).toMatchObject({ edit: true, publish: true });
  });

  it('lets the owners\u2019 committee issue notices for its own compound only', async () => {
    const other = await w.committeeA.post(`/api/communities/${A}/notices`, draftBody({ compoundId: X2 }));
    expect(other.statusCode).toBe(403);
    const wide = await w.committeeA.post(`/api/communities/${A}/notices`, draftBody({ compoundId: null }));
    expect(wide.statusCode).toBe(403);
    expect(wide.json().error.details).toMatchObject({ reason: 'committee_needs_compound' });
    expect(await listTitles(w.committeeA, A)).toEqual(['committee draft', 'committee published', 'wide', 'x1']);
    expect((await w.committeeA.get(`/api/notices/${ids.communityDraft}`)).statusCode).toBe(404);
    expect((await w.committeeA.get(`/api/notices/${ids.x2}`)).statusCode).toBe(404);
    // a community notice of its compound: read, not managed
    expect((await w.committeeA.get(`/api/notices/${ids.x1}`)).json().abilities).toMatchObject({ uploadProof: false, correct: false, seeObjections: false });
    expect((await w.committeeA.get(`/api/notices/${ids.committeePublished}`)).json().abilities).toMatchObject({ uploadProof: true, correct: true, answerObjections: true });
    expect((await w.committeeA.get(`/api/communities/${B}/notices`)).statusCode).toBe(404);
  });

  it('lets property staff and grid workers read the published notices of their compounds only', async () => {
    expect(await listTitles(w.propertyA, A)).toEqual(['committee published', 'wide', 'x1']);
    expect(await listTitles(w.gridA, A)).toEqual(['committee published', 'wide', 'x1']);
    expect((await w.propertyA.post(`/api/communities/${A}/notices`, draftBody({ compoundId: X1 }))).statusCode).toBe(403);
    expect((await w.propertyA.get(`/api/notices/${ids.committeeDraft}`)).statusCode).toBe(404);
    expect((await w.propertyA.get(`/api/notices/${ids.x1}`)).json().abilities).toEqual({
      edit: false, publish: false, uploadAttachment: false, uploadProof: false, correct: false, seeObjections: false, answerObjections: false, object: false,
    });
  });

  it('keeps staff lists from residents and everything from the anonymous', async () => {
    expect((await w.ownerA.get(`/api/communities/${A}/notices`)).statusCode).toBe(403);
    expect((await w.ownerA.post(`/api/communities/${A}/notices`, draftBody({ compoundId: X1 }))).statusCode).toBe(403);
    expect((await w.public.get(`/api/communities/${A}/notices`)).statusCode).toBe(401);
    expect((await w.public.get(`/api/notices/${ids.x1}`)).statusCode).toBe(401);
  });
});
