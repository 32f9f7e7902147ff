import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, draft, noticesWorld, published, type NoticesWorld } from './support.ts';

let w: NoticesWorld;
let A: string;
let X1: string;
let X2: string;
let ids: { draft: string; x1: string; x2: string; wide: string; b: string };

beforeAll(async () => {
  w = await noticesWorld();
  A = w.world.A.communityId;
  X1 = w.world.A.compounds.compound1.id;
  X2 = w.world.A.compounds.compound2.id;
  ids = {
    draft: (await draft(w.staffA, A, { compoundId: X1, title: 'Draft of X1' })).id,
    x1: (await published(w.staffA, A, { compoundId: X1, title: 'Notice of X1' })).id,
    x2: (await published(w.staffA, A, { compoundId: X2, title: 'Notice of X2' })).id,
    wide: (await published(w.staffA, A, { compoundId: null, title: 'Community-wide' })).id,
    b: (await published(w.staffB, w.world.B.communityId, { title: 'Notice of B' })).id,
  };
});
afterAll(() => w.t.close());

const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title).sort();

describe('reading without login', () => {
  it('shows a published notice, never a draft', async () => {
    const res = await w.public.get(`/api/public/notices/${ids.x1}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: ids.x1, title: 'Notice of X1', state: 'published', compound: { id: X1, name: 'A1 Garden' }, objections: { total: 0 } });
    expect(body).not.toHaveProperty('abilities');
    expect(body).not.toHaveProperty('createdBy');
    const hidden = await w.public.get(`/api/public/notices/${ids.draft}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('not_found');
    expect((await w.public.get('/api/public/notices/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    // a logged-in manager gets no more through the public path
    expect((await w.staffA.get(`/api/public/notices/${ids.draft}`)).statusCode).toBe(404);
  });

  it('lists a compound\u2019s board: its published notices and the community-wide ones', async () => {
    const res = await w.public.get(`/api/public/compounds/${X1}/notices`);
    expect(res.statusCode).toBe(200);
    expect(titles(res.json())).toEqual(['Community-wide', 'Notice of X1']);
    expect(titles((await w.public.get(`/api/public/compounds/${X2}/notices`)).json())).toEqual(['Community-wide', 'Notice of X2']);
    expect((await w.public.get('/api/public/compounds/00000000-0000-4000-8000-000000000000/notices')).statusCode).toBe(404);

    w.clock.advanceDays(8);
    expect((await w.public.get(`/api/public/compounds/${X1}/notices?current=true`)).json().total).toBe(0);
    const all = (await w.public.get(`/api/public/compounds/${X1}/notices`)).json();
    expect(all.items.every((i: { state: string }) => i.state === 'posting_ended')).toBe(true);
    w.clock.advance(-8 * DAY);
  });

  it('gives the data of the printable A4 notice with a QR code to its public page', async () => {
    const res = await w.public.get(`/api/public/notices/${ids.x1}/print`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.pagePath).toBe(`/public/notices/${ids.x1}`);
    expect(body.pageUrl).toBe(`http://localhost:80/public/notices/${ids.x1}`);
    expect(body.qrSvg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox/);
    expect(body.notice).toMatchObject({ id: ids.x1, title: 'Notice of X1' });
    expect(body.howToObject.zh).toContain('3 日内答复');
    expect(body.howToObject.en).toContain('(UTC+8)');
    expect((await w.public.get(`/api/public/notices/${ids.draft}/print`)).statusCode).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents the public paths as needing no session', async () => {
    const doc = (await w.app.inject('/docs/json')).json();
    expect(doc.paths['/api/public/notices/{id}'].get.security).toEqual([]);
    expect(doc.paths['/api/public/compounds/{id}/notices'].get.security).toEqual([]);
    expect(doc.paths['/api/communities/{id}/notices'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/notices/{id}/proofs'].post.tags).toEqual(['notices']);
  });
});

describe('residents', () => {
  it('list the notices of their compounds and community, published only', async () => {
    expect(titles((await w.ownerA.get('/api/my/notices')).json())).toEqual(['Community-wide', 'Notice of X1']);
    expect(titles((await w.owner4A.get('/api/my/notices')).json())).toEqual(['Community-wide', 'Notice of X2']);
    expect(titles((await w.ownerB.get('/api/my/notices')).json())).toEqual(['Notice of B']);
    expect((await w.staffA.get('/api/my/notices')).statusCode).toBe(403);
    expect((await w.public.get('/api/my/notices')).statusCode).toBe(401);
  });

  it('read a notice of their compound, not another compound\u2019s or a draft', async () => {
    expect((await w.ownerA.get(`/api/notices/${ids.x1}`)).statusCode).toBe(200);
    expect((await w.ownerA.get(`/api/notices/${ids.x2}`)).statusCode).toBe(404);
    expect((await w.ownerA.get(`/api/notices/${ids.draft}`)).statusCode).toBe(404);
  });
});
