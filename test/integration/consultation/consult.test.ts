import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatterView } from '../../../src/contracts/consultation.ts';
import { buildPerson, live } from '../../support/factories.ts';
import { advance, auditEvents, consultationWorld, DAY, expectStatus, raise, type World } from './world.ts';

// Residents raise a matter with co-signers, then residents take part in the consultation:
// support once per household, comments a moderator may hide, and a survey.

let w: World;
beforeAll(async () => {
  w = await consultationWorld();
});
afterAll(() => w.t.close());

const residentsMatter = (w: World) => ({
  communityId: w.communityId, title: 'Add bicycle sheds', description: '增设非机动车棚', category: 'parking_traffic', source: 'residents', decidingBody: 'owners_committee',
});

describe('co-signatures', () => {
  let matter: MatterView;

  it('a resident raises a matter for their compound; it collects signatures', async () => {
    matter = await raise(w, w.as('raiserOwner'), residentsMatter(w));
    expect(matter).toMatchObject({ step: 'propose', subState: 'collecting_signatures', signatures: { required: 10, collected: 0 }, compound: { id: w.compound.id } });
    expect(matter.abilities).toMatchObject({ cosign: false, moves: ['withdrawn'] });
  });

  it('cannot be accepted before enough households co-signed', async () => {
    const res = expectStatus(await advance(w.as('staff'), matter, 'consult', { direction: 'x' }), 409);
    expect(res.error.details.reason).toBe('signatures_missing');
    expect(res.error.message).toContain('0 of the 10');
  });

  it('refuses the raising household, households of another compound, and staff', async () => {
    const own = expectStatus(await w.as('raiserOwner').post(`/api/matters/${matter.id}/cosign`, {}), 409);
    expect(own.error.details.reason).toBe('own_household');
    expect((await w.as('otherCompoundOwner').post(`/api/matters/${matter.id}/cosign`, {})).statusCode).toBe(404);
    const staff = expectStatus(await w.as('staff').post(`/api/matters/${matter.id}/cosign`, {}), 403);
    expect(staff.error.details.reason).toBe('not_a_household');
  });

  it('takes one signature per household, and reaching the threshold ends the collecting', async () => {
    const signers = w.households.slice(2, 12);
    for (const [i, h] of signers.entries()) {
      const owner = await w.ownerClient(h.owner);
      const view = expectStatus(await owner.post(`/api/matters/${matter.id}/cosign`, {}), 200);
      expect(view.signatures.collected).toBe(i + 1);
      expect(view.subState).toBe(i + 1 < 10 ? 'collecting_signatures' : 'awaiting_acceptance');
      if (i === 0) {
        const twice = expectStatus(await owner.post(`/api/matters/${matter.id}/cosign`, {}), 409);
        expect(twice.error.details.reason).toBe('already_signed');
      }
    }
    const events = (await auditEvents(w)).filter((e) => e.kind === 'consultation.matter_cosigned' && e.object_id === matter.id);
    expect(events).toHaveLength(10);
    expect(events.at(-1)!.after).toMatchObject({ cosignatures: 10, complete: true });
  });

  it('is accepted once the threshold is reached; co-signing then ends', async () => {
    matter = expectStatus(await advance(w.as('staff'), matter, 'consult', { direction: '同意立项' }), 200);
    expect(matter).toMatchObject({ step: 'consult', subState: null });
    const late = expectStatus(await (await w.ownerClient(w.households[12].owner)).post(`/api/matters/${matter.id}/cosign`, {}), 409);
    expect(late.error.details.reason).toBe('step_closed');
  });

  it('follows the community setting for new matters', async () => {
    expectStatus(await w.as('staff').put(`/api/communities/${w.communityId}/consultation-settings`, { cosignaturesRequired: 2 }), 200);
    const next = await raise(w, w.as('raiserOwner'), residentsMatter(w));
    expect(next.signatures).toEqual({ required: 2, collected: 0 });
    expectStatus(await w.as('staff').put(`/api/communities/${w.communityId}/consultation-settings`, { cosignaturesRequired: 10 }), 200);
  });
});

describe('consultation', () => {
  let matter: { id: string; step: string };
  beforeAll(async () => {
    matter = await raise(w, w.as('staff'), { compoundId: w.compound.id });
    expectStatus(await w.as('staff').post(`/api/matters/${matter.id}/survey`, { questions: [{ text: 'When?', kind: 'single', options: ['weekday', 'weekend'] }] }), 200);
    matter = expectStatus(await advance(w.as('staff'), matter, 'consult', { direction: '征求意见' }), 200);
  });

  it('counts support once per household', async () => {
    const first = expectStatus(await w.as('owner').post(`/api/matters/${matter.id}/support`, {}), 200);
    expect(first).toMatchObject({ supports: 1, mySupport: true });
    const again = expectStatus(await w.as('owner').post(`/api/matters/${matter.id}/support`, {}), 409);
    expect(again.error.details.reason).toBe('already_supported');
    // another person of the same household (a co-resident logging in with their own phone) is the same household
    const sameUnit = w.households[2];
    const coResident = await buildPerson(w.db, { communityId: w.communityId, name: 'Spouse' });
    await live(w.db, { id: sameUnit.unitId, communityId: w.communityId }, coResident, { relation: 'family' });
    const spouse = expectStatus(await (await w.ownerClient(coResident)).post(`/api/matters/${matter.id}/support`, {}), 409);
    expect(spouse.error.details.reason).toBe('already_supported');
    const second = expectStatus(await w.as('raiserOwner').post(`/api/matters/${matter.id}/support`, {}), 200);
    expect(second.supports).toBe(2);
    expect((await w.as('otherCompoundOwner').post(`/api/matters/${matter.id}/support`, {})).statusCode).toBe(404);
    expect(expectStatus(await w.as('staff').post(`/api/matters/${matter.id}/support`, {}), 403).error.details.reason).toBe('not_a_household');
  });

  it('takes one survey response per household, checked against the questions', async () => {
    const bad = expectStatus(await w.as('owner').post(`/api/matters/${matter.id}/survey/responses`, { answers: [[0, 1]] }), 400);
    expect(bad.error.message).toBe('answers[0]: question 1 takes exactly one option');
    const outside = expectStatus(await w.as('owner').post(`/api/matters/${matter.id}/survey/responses`, { answers: [[5]] }), 400);
    expect(outside.error.message).toContain('has options 0 to 1');
    const view = expectStatus(await w.as('owner').post(`/api/matters/${matter.id}/survey/responses`, { answers: [[1]] }), 200);
    expect(view.survey).toMatchObject({ responses: 1, results: [[0, 1]] });
    const again = expectStatus(await w.as('owner').post(`/api/matters/${matter.id}/survey/responses`, { answers: [[0]] }), 409);
    expect(again.error.details.reason).toBe('already_answered');
    const second = expectStatus(await w.as('staff').post(`/api/matters/${matter.id}/survey`, { questions: [{ text: 'Again?', kind: 'single', options: ['a', 'b'] }] }), 409);
    expect(second.error.details.reason).toBe('survey_exists');
  });

  it('lets a moderator hide a comment with a reason; it shows as hidden and stays in the audit trail', async () => {
    const comment = expectStatus(await w.as('owner').post(`/api/matters/${matter.id}/comments`, { body: '某某是骗子 (an insult)' }), 201);
    w.clock.advance(60_000);
    expectStatus(await w.as('raiserOwner').post(`/api/matters/${matter.id}/comments`, { body: 'A fair point' }), 201);
    const notModerator = expectStatus(await w.as('committee').post(`/api/matters/${matter.id}/comments/${comment.id}/hide`, { reason: 'insult' }), 403);
    expect(notModerator.error.message).toContain('moderate');
    expect((await w.as('owner').post(`/api/matters/${matter.id}/comments/${comment.id}/hide`, { reason: 'x' })).statusCode).toBe(403);
    const hidden = expectStatus(await w.as('staff').post(`/api/matters/${matter.id}/comments/${comment.id}/hide`, { reason: '人身攻击 (personal attack)' }), 200);
    expect(hidden).toMatchObject({ hidden: true, body: null, hiddenReason: '人身攻击 (personal attack)', abilities: { hide: false } });
    const again = expectStatus(await w.as('staff2').post(`/api/matters/${matter.id}/comments/${comment.id}/hide`, { reason: 'again' }), 409);
    expect(again.error.details.reason).toBe('comment_hidden');

    const list = expectStatus(await w.as('owner').get(`/api/matters/${matter.id}/comments`), 200);
    expect(list.total).toBe(2);
    expect(list.items.map((c: { hidden: boolean; body: string | null }) => [c.hidden, c.body])).toEqual([[true, null], [false, 'A fair point']]);
    const trail = (await auditEvents(w)).filter((e) => e.object_id === comment.id);
    expect(trail.map((e) => e.kind)).toEqual(['consultation.comment_posted', 'consultation.comment_hidden']);
    expect(trail[0].after).toMatchObject({ body: '某某是骗子 (an insult)' });
  });

  it('closes comments and support when consultation ends', async () => {
    w.clock.advanceDays(7);
    matter = expectStatus(await advance(w.as('staff'), matter, 'deliberate'), 200);
    const comment = expectStatus(await w.as('owner').post(`/api/matters/${matter.id}/comments`, { body: 'late' }), 409);
    expect(comment.error.details.reason).toBe('step_closed');
    expect(comment.error.message).toContain('the matter is in step deliberate');
    expect(expectStatus(await w.as('raiserOwner').post(`/api/matters/${matter.id}/survey/responses`, { answers: [[0]] }), 409).error.details.reason).toBe('step_closed');
  });
});

describe('raising', () => {
  it('checks the source against the raiser, the category against the community, and the type', async () => {
    const asStaffResident = expectStatus(await w.as('staff').post('/api/matters', { ...residentsMatter(w), compoundId: w.compound.id }), 403);
    expect(asStaffResident.error.message).toContain('as residents');
    const property = await raise(w, w.as('property'), { source: 'property_company' });
    expect(property).toMatchObject({ source: 'property_company', signatures: { required: 0 } });
    expect((await w.as('property').post('/api/matters', { ...residentsMatter(w), compoundId: w.compound2.id, source: 'property_company' })).statusCode).toBe(403);
    const grid = await raise(w, w.as('grid'), { source: 'grid_worker' });
    expect(grid.source).toBe('grid_worker');
    const complaint = await raise(w, w.as('staff'), { source: 'complaint', sourceRef: 'complaint #2024-117', compoundId: undefined, decidingBody: 'two_committees' });
    expect(complaint).toMatchObject({ source: 'complaint', sourceRef: 'complaint #2024-117', compound: null });
    const noRef = expectStatus(await w.as('staff').post('/api/matters', { ...residentsMatter(w), source: 'complaint' }), 400);
    expect(noRef.error.message).toBe('body.sourceRef: required when the source is a complaint');
    const category = expectStatus(await w.as('staff').post('/api/matters', { ...residentsMatter(w), compoundId: w.compound.id, source: 'community', category: 'weather' }), 400);
    expect(category.error.message).toContain('category: must be one of the community');
    const art278 = expectStatus(await w.as('staff').post('/api/matters', { ...residentsMatter(w), source: 'community', decidingBody: undefined, art278Item: 5 }), 400);
    expect(art278.error.message).toContain('compoundId: required');
    const both = expectStatus(await w.as('staff').post('/api/matters', { ...residentsMatter(w), source: 'community', art278Item: 5 }), 400);
    expect(both.error.message).toContain('exactly one');
    expect((await w.as('otherStaff').post('/api/matters', { ...residentsMatter(w), source: 'community' })).statusCode).toBe(404);
    expect((await w.as('otherCompoundOwner').post('/api/matters', { ...residentsMatter(w), compoundId: w.compound.id })).statusCode).toBe(403);
  });

  it('keeps consult defaults: 7 days, due a week after acceptance', async () => {
    const m = await raise(w, w.as('staff'));
    const accepted = expectStatus(await advance(w.as('staff'), m, 'consult', { direction: 'ok' }), 200);
    expect(new Date(accepted.stepDueAt).getTime() - w.clock.now().getTime()).toBe(7 * DAY);
  });
});
