import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draft, expectAudit, noticesWorld, PNG, published, T0, type NoticesWorld } from './support.ts';

let w: NoticesWorld;
let A: string;
let X1: string;

beforeAll(async () => {
  w = await noticesWorld();
  A = w.world.A.communityId;
  X1 = w.world.A.compounds.compound1.id;
});
afterAll(() => w.t.close());

describe('proof of posting', () => {
  it('stores the photo with type, size, SHA-256, time and uploader, with one audit event; anyone downloads it', async () => {
    const n = await published(w.staffA, A, { compoundId: X1 });
    const res = await expectAudit(w.database, A, ['notices.posting_proof_uploaded'], () =>
      w.staffA.upload(`/api/notices/${n.id}/proofs`, { name: 'board.png', content: PNG, type: 'image/png' }, { note: '2 号门公告栏' }));
    expect(res.statusCode, res.body).toBe(201);
    const proof = res.json();
    expect(proof).toMatchObject({
      kind: 'proof', name: 'board.png', mimeType: 'image/png', size: PNG.length, note: '2 号门公告栏',
      sha256: createHash('sha256').update(PNG).digest('hex'), uploadedAt: T0.toISOString(), uploadedBy: expect.stringMatching(/^user:/),
    });

    const detail = (await w.staffA.get(`/api/notices/${n.id}`)).json();
    expect(detail.proofs).toEqual([proof]);
    // the public page lists it without naming the uploader
    expect((await w.public.get(`/api/public/notices/${n.id}`)).json().proofs).toEqual([{ ...proof, uploadedBy: null }]);

    const file = await w.public.get(`/api/notices/${n.id}/files/${proof.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });

  it('judges the type from the bytes: a PDF or script named .png is refused', async () => {
    const n = await published(w.staffA, A, { compoundId: X1 });
    const pdf = await w.staffA.upload(`/api/notices/${n.id}/proofs`, { name: 'board.png', content: Buffer.from('%PDF-1.4\n'), type: 'image/png' });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error).toMatchObject({ code: 'validation_failed', details: { reason: 'file_type', issues: [{ path: 'file' }] } });
    expect(pdf.json().error.message).toMatch(/^file: must be a JPEG, PNG/);
    const svg = await w.staffA.upload(`/api/notices/${n.id}/proofs`, { name: 'x.svg', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: 'image/svg+xml' });
    expect(svg.json().error.details).toMatchObject({ reason: 'file_type' });
    const empty = await w.staffA.upload(`/api/notices/${n.id}/proofs`, { name: 'x.png', content: Buffer.alloc(0) });
    expect(empty.json().error.details).toMatchObject({ reason: 'file_empty' });
    const none = await w.staffA.upload(`/api/notices/${n.id}/proofs`, null, { note: 'no file' });
    expect(none.json().error.message).toMatch(/^file: required/);
    const json = await w.staffA.post(`/api/notices/${n.id}/proofs`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect((await w.staffA.get(`/api/notices/${n.id}`)).json().proofs).toEqual([]);
  });

  it('refuses a photo over 10 MB, naming the field', async () => {
    const n = await published(w.staffA, A, { compoundId: X1 });
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await w.staffA.upload(`/api/notices/${n.id}/proofs`, { name: 'big.png', content: big, type: 'image/png' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', message: 'file: is larger than 10 MB', details: { reason: 'file_too_large' } });
  });

  it('takes proofs only for published notices, from their managers', async () => {
    const d = await draft(w.staffA, A, { compoundId: X1 });
    const early = await w.staffA.upload(`/api/notices/${d.id}/proofs`, { name: 'board.png', content: PNG });
    expect(early.json().error).toMatchObject({ code: 'conflict', details: { reason: 'not_published' } });
    const n = await published(w.staffA, A, { compoundId: X1 });
    expect((await w.propertyA.upload(`/api/notices/${n.id}/proofs`, { name: 'b.png', content: PNG })).statusCode).toBe(403);
    expect((await w.ownerA.upload(`/api/notices/${n.id}/proofs`, { name: 'b.png', content: PNG })).statusCode).toBe(403);
    expect((await w.staffB.upload(`/api/notices/${n.id}/proofs`, { name: 'b.png', content: PNG })).statusCode).toBe(404);
    expect((await w.public.upload(`/api/notices/${n.id}/proofs`, { name: 'b.png', content: PNG })).statusCode).toBe(401);
  });
});

describe('attachments', () => {
  it('attaches a PDF to a draft; its file is private until published', async () => {
    const d = await draft(w.staffA, A, { compoundId: X1 });
    const res = await expectAudit(w.database, A, ['notices.attachment_uploaded'], () =>
      w.staffA.upload(`/api/notices/${d.id}/attachments`, { name: '会议纪要.pdf', content: Buffer.from('%PDF-1.7\n%%EOF\n'), type: 'application/pdf' }));
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ kind: 'attachment', mimeType: 'application/pdf', name: '会议纪要.pdf' });
    expect((await w.public.get(`/api/notices/${d.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await w.ownerA.get(`/api/notices/${d.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await w.staffA.get(`/api/notices/${d.id}/files/${file.id}`)).statusCode).toBe(200);
    await w.staffA.post(`/api/notices/${d.id}/publish`);
    const pub = await w.public.get(`/api/notices/${d.id}/files/${file.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-disposition']).toContain("filename*=UTF-8''%E4%BC%9A");
    expect((await w.public.get(`/api/public/notices/${d.id}`)).json().attachments).toHaveLength(1);
  });
});
