import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyCommand } from '../../../src/cli/commands/voting/tally.ts';
import { recountDocument, recountText } from '../../../src/server/modules/voting/domain/index.ts';
import { merkleProof, verifyProof } from '../../../src/server/modules/voting/domain/merkle.ts';
import { storedLevels } from '../../../src/server/modules/voting/repo/merkle.ts';
import { ownerCookie } from '../../support/factories.ts';
import { allSubjects, client, draft, expectStatus, idem, ownerClient, staffClient, upload, votingWorld, type Client, type VotingWorld } from './world.ts';
import { tempDir } from '../../support/temp.ts';

// The issue's journey on the server: a 30-unit compound with co-owners, a multi-unit owner and
// developer units; 20 online ballots, 3 paper ballots (one mismatch resolved), 1 proxy ballot;
// close, count, publish, export; the export recounts to exactly the published result.

let w: VotingWorld;
let committee: Client;
let staff: Client;
let staff2: Client;
let anonymous: Client;
let vote: { id: string; opensAt: string; closesAt: string; questions: { id: string }[] };
let q: string;
const receipts: string[] = [];
const CHOICE = /"(for|against|abstain)"|"choice"|"marks"/;

beforeAll(async () => {
  w = await votingWorld();
  committee = await staffClient(w, w.staff.committee);
  staff = await staffClient(w, w.staff.communityStaff);
  staff2 = await staffClient(w, w.staff.communityStaff2);
  anonymous = client(w.app, null);
});
afterAll(() => w.t.close());

describe('a vote from convening to the published, recountable result', () => {
  it('is convened, announced with its notice and roll, and opened', async () => {
    vote = expectStatus(await committee.post('/api/votes', draft(w)), 201);
    q = vote.questions[0].id;
    expectStatus(await upload(w, committee, vote.id, 'notice', { name: 'notice.pdf', content: Buffer.from('%PDF notice'), type: 'application/pdf' }), 201);
    expectStatus(await committee.post(`/api/votes/${vote.id}/announce`), 200);
    const owner = await ownerClient(w, w.soleOwners[0]);
    const request = expectStatus(await owner.post(`/api/votes/${vote.id}/corrections`, { unitId: w.units[4].id, text: 'Please check my area' }), 201);
    expectStatus(await committee.post(`/api/votes/${vote.id}/corrections/${request.id}/answer`, { answer: 'Checked: it matches the registry', accepted: false }), 200);
    w.clock.set(vote.opensAt);
    expect(expectStatus(await committee.post(`/api/votes/${vote.id}/open`), 200).state).toBe('open');
  });

  it('takes 20 online ballots', async () => {
    const online: [{ phone: string | null }, string][] = [
      [w.multiOwner, 'for'],
      [w.coOwned[0].owners[0], 'for'],
      [w.coOwned[1].owners[0], 'against'],
      [w.coOwned[2].owners[1], 'abstain'],
      [w.developer, 'for'],
      ...w.soleOwners.slice(0, 15).map((o, i): [{ phone: string | null }, string] => [o, i % 5 === 4 ? 'against' : 'for']),
    ];
    expect(online).toHaveLength(20);
    for (const [person, choice] of online) {
      const res = expectStatus(await (await ownerClient(w, person)).post(`/api/votes/${vote.id}/questions/${q}/ballots`, { choice }, idem()), 201);
      receipts.push(res.receipt.code);
    }
  });

  it('takes 3 paper ballots by double entry, one of them resolved after a mismatch', async () => {
    const sheet = (unit: { id: string }, choice: string) => ({ unitId: unit.id, answers: [{ questionId: q, choice }], scanRef: `box 1 / ${unit.id.slice(0, 8)}` });
    const paperUnits = [w.units[21], w.units[22], w.units[23]]; // soleOwners[15..17]
    for (const unit of paperUnits.slice(0, 2)) {
      expectStatus(await committee.post(`/api/votes/${vote.id}/paper-ballots`, sheet(unit, 'for')), 201);
      expect(expectStatus(await staff.post(`/api/votes/${vote.id}/paper-ballots`, sheet(unit, 'for')), 200).status).toBe('accepted');
    }
    expectStatus(await committee.post(`/api/votes/${vote.id}/paper-ballots`, sheet(paperUnits[2], 'for')), 201);
    const mismatch = expectStatus(await staff.post(`/api/votes/${vote.id}/paper-ballots`, sheet(paperUnits[2], 'against')), 200);
    expect(mismatch.status).toBe('mismatch');
    const { unitId: _u, ...reading } = sheet(paperUnits[2], 'for');
    expect(expectStatus(await staff2.post(`/api/votes/${vote.id}/paper-ballots/${mismatch.id}/resolve`, reading), 200)).toMatchObject({ status: 'accepted', resolution: 'first' });
  });

  it('takes 1 ballot by proxy', async () => {
    const documentId = expectStatus(await upload(w, staff, vote.id, 'proxy_authorisation'), 201).id;
    expectStatus(await staff.post(`/api/votes/${vote.id}/proxies`, { unitId: w.units[24].id, proxyName: 'Outsider', proxyPhone: '13700000024', documentId }), 201);
    const holder = client(w.app, await ownerCookie(w.db, '13700000024'));
    expect(expectStatus(await holder.post(`/api/votes/${vote.id}/questions/${q}/ballots`, { choice: 'for' }, idem()), 201).channel).toBe('proxy');
  });

  it('shows the convener participation against the quorum, and nobody any choice, before the count', async () => {
    const progress = expectStatus(await committee.get(`/api/votes/${vote.id}/progress`), 200);
    expect(progress.questions[0]).toMatchObject({ ballots: 24, quorum: { met: true, heads: { value: 24, total: 24, needed: 0 }, words: { zh: '已达到参与表决比例', en: 'participation quorum reached' } } });
    // heads per building: C holds the multi-unit owner, four sole owners, the developer (three units, one head) and two parking spaces left out
    expect(progress.questions[0].buildings.map((b: { buildingName: string; heads: { value: number; total: number } }) => [b.buildingName, b.heads.value, b.heads.total])).toEqual([['A', 10, 10], ['B', 10, 10], ['C', 6, 6]]);
    expect(progress.paper).toEqual({ awaitingSecond: 0, mismatches: 0, accepted: 3, discarded: 0 });

    const owner = await ownerClient(w, w.soleOwners[1]);
    const reads: [Client, string][] = [
      [committee, `/api/votes/${vote.id}`], [committee, `/api/votes/${vote.id}/progress`], [committee, `/api/votes/${vote.id}/roll?pageSize=200`],
      [staff, `/api/votes/${vote.id}/paper-ballots`], [staff, `/api/votes/${vote.id}/proxies`], [committee, `/api/votes/${vote.id}/corrections`],
      [staff, `/api/audit/events?communityId=${w.communityId}&pageSize=200`], [owner, `/api/votes/${vote.id}`], [owner, `/api/votes/${vote.id}/my-ballots`],
      [anonymous, `/api/votes/${vote.id}/receipts/${receipts[0]}`], [committee, '/api/votes'],
    ];
    for (const [who, url] of reads) {
      const res = await who.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(CHOICE);
    }
    for (const url of [`/api/votes/${vote.id}/results`, `/api/votes/${vote.id}/record.json`]) {
      expect((await committee.get(url)).statusCode, url).toBe(409);
      expect((await anonymous.get(url)).statusCode, url).toBe(404);
    }
    expect((await anonymous.get(`/api/public/votes/${vote.id}`)).statusCode).toBe(404);
  });

  it('closes, counts and publishes; the export recounts to exactly the published result', async () => {
    w.clock.set(vote.closesAt);
    expectStatus(await committee.post(`/api/votes/${vote.id}/close`), 200);
    const counted = expectStatus(await committee.post(`/api/votes/${vote.id}/count`), 200);
    // the receipts are sealed when the result is published, not before
    expect(counted.merkleRoot).toBeNull();
    const early = expectStatus(await anonymous.get(`/api/votes/${vote.id}/receipts/${receipts[0]}`), 200);
    expect(early).toMatchObject({ status: 'recorded', proof: null, root: null });
    expect((await anonymous.get(`/api/votes/${vote.id}/results`)).statusCode).toBe(404);
    const published = expectStatus(await committee.post(`/api/votes/${vote.id}/publish`), 200);
    expect(published.merkleRoot).toMatch(/^[0-9a-f]{64}$/);

    const results = expectStatus(await anonymous.get(`/api/votes/${vote.id}/results`), 200);
    expect(results.merkleRoot).toBe(published.merkleRoot);
    const question = results.questions[0];
    expect(question).toMatchObject({ passed: true, summary: { zh: '通过', en: 'passed' }, recordUrl: `/api/votes/${vote.id}/questions/${q}/record.json` });
    expect(question.result).toMatchObject({ passed: true, class: 'ordinary', participation: { met: true, heads: { value: 24, total: 24 } } });

    const exported = await anonymous.get(`/api/votes/${vote.id}/record.json`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('application/json');
    expect((await anonymous.get(question.recordUrl)).body).toBe(exported.body);
    const record = JSON.parse(exported.body);
    expect(record).toMatchObject({ format: 'siyi.vote-record/1', kind: 'decision', vote: vote.id, question: q, rule: { preset: 'cn-civil-code-2021', item: 4 } });
    expect(record.units).toHaveLength(30);
    expect(record.ballots).toHaveLength(24);
    // unit ids, owner ids and choices only
    const names = ['Owner', 'Multi', 'Developer', 'Co 1', 'Outsider', ...[w.multiOwner, w.developer, ...w.soleOwners].map((p) => p.phone!)];
    for (const name of names) expect(exported.body).not.toContain(name);

    // the published result and its subjects, page by page (7 at a time), are exactly the recount
    const subjects = await allSubjects(anonymous, vote.id, q, 7);
    expect(subjects).toHaveLength(24);
    const recount = recountDocument(record);
    expect(recount.ok && recount.value).toEqual({ ...question.result, subjects });
    const text = recountText(exported.body);
    expect(text.ok).toBe(true);
    const one = expectStatus(await anonymous.get(`/api/votes/${vote.id}/questions/${q}/subjects?subject=${encodeURIComponent(subjects[5].voter)}`), 200);
    expect(one).toEqual({ total: 24, offset: 0, next: null, subjects: [subjects[5]] });
    // the same subjects by keyset, page after page
    const walked: unknown[] = [];
    for (let after: string | null = ''; after !== null;) {
      const page = expectStatus(await anonymous.get(`/api/votes/${vote.id}/questions/${q}/subjects?limit=5${after ? `&after=${encodeURIComponent(after)}` : ''}`), 200);
      walked.push(...page.subjects);
      after = page.next;
    }
    expect(walked).toEqual(subjects);
    expect((await anonymous.get(`/api/votes/${vote.id}/questions/${q}/subjects?limit=501`)).statusCode).toBe(400);

    // `siyi tally FILE` on the export prints the published result
    const file = path.join(tempDir('siyi-export-'), 'record.json');
    fs.writeFileSync(file, exported.body);
    const out: string[] = [];
    expect(await tallyCommand.run([file], { out: (s) => out.push(s), err: () => {}, interactive: false })).toBe(0);
    expect(JSON.parse(out[0])).toEqual({ ...question.result, subjects });
  });

  it('proves each receipt against the published root, without revealing a choice', async () => {
    const view = expectStatus(await anonymous.get(`/api/public/votes/${vote.id}`), 200);
    // every receipt, found in the stored tree by its binary search, with the proof a rebuild gives
    const leaves = (await w.t.database.query<{ receipt_leaf: string }>('select receipt_leaf from vote_ballots where vote_id = $1', [vote.id])).map((r) => r.receipt_leaf);
    for (const code of receipts) {
      const check = expectStatus(await anonymous.get(`/api/votes/${vote.id}/receipts/${code}`), 200);
      expect(check).toMatchObject({ status: 'counted', root: view.merkleRoot, verified: true });
      expect(verifyProof(check.leaf, check.proof, view.merkleRoot)).toBe(true);
      expect(check.proof).toEqual(merkleProof(leaves, check.leaf));
      expect(JSON.stringify(check)).not.toMatch(CHOICE);
    }
    const levels = await storedLevels(w.db, { id: vote.id, communityId: w.communityId });
    expect(levels[0].length).toBe(leaves.length * 32);
    expect(levels.at(-1)!.toString('hex')).toBe(view.merkleRoot);
    expect((await anonymous.get(`/api/votes/${vote.id}/receipts/AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA`)).statusCode).toBe(404);
  });

  it('publishes a notice readable without login, with a QR code to its web page and the notice document', async () => {
    const notice = expectStatus(await anonymous.get(`/api/public/votes/${vote.id}`), 200);
    expect(notice).toMatchObject({
      title: 'Hire a new property company',
      compound: { name: 'Harmony Garden' },
      ballots: 24,
      webPath: `/public/votes/${vote.id}`,
      questions: [{ passed: true, summary: { zh: '通过' } }],
      documents: [{ kind: 'notice', name: 'notice.pdf' }],
    });
    expect(notice.webUrl).toMatch(new RegExp(`^http://[^/]+/public/votes/${vote.id}$`));
    expect(notice.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(notice.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    const doc = await anonymous.get(notice.documents[0].url);
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toBe('%PDF notice');
  });
});
