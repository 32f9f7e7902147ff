import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatterView } from '../../../src/contracts/consultation.ts';
import { auditKinds } from '../../../src/contracts/audit.ts';
import { advance, consultationWorld, DAY, expectStatus, holdJointMeeting, raise, withAudit, type World } from './world.ts';

// A matter decided by the owners' committee, carried from proposal to closing by the people who
// own each step, with both public notices, an objection answered, a task with photo evidence,
// acceptance and a rating. Every command writes exactly one audit event of its own kind; the two
// moves that publish a notice also carry the notices module's one event for it.

let w: World;
let matter: MatterView;
const seen = new Set<string>();

beforeAll(async () => {
  w = await consultationWorld();
});
afterAll(() => w.t.close());

/** Runs a request expecting `status` and exactly the audit kinds given. */
async function step(kinds: string[], status: number, run: () => Promise<LightMyRequestResponse>) {
  const { result, events } = await withAudit(w, run);
  const body = expectStatus(result, status);
  expect(events.map((e) => e.kind)).toEqual(kinds);
  for (const kind of kinds) seen.add(kind);
  return body;
}

describe('a matter from proposal to closing', () => {
  it('is raised by community staff and accepted with a direction', async () => {
    matter = await step(['consultation.matter_raised'], 201, () => w.as('staff').post('/api/matters', {
      communityId: w.communityId, compoundId: w.compound.id, title: 'Repaint the corridors', description: '楼道翻新', category: 'repairs_facilities',
      source: 'community', decidingBody: 'owners_committee',
    }));
    expect(matter).toMatchObject({ step: 'propose', subState: 'awaiting_acceptance', signatures: { required: 0, collected: 0 } });
    matter = await step(['consultation.survey_attached'], 200, () => w.as('staff').post(`/api/matters/${matter.id}/survey`, {
      questions: [{ text: 'Which colour?', kind: 'single', options: ['white', 'cream'] }, { text: 'Which floors first?', kind: 'multiple', options: ['1-3', '4-6', '7-9'] }],
    }));
    matter = await step(['consultation.matter_advanced'], 200, () => advance(w.as('staff'), matter, 'consult', { direction: '由物业组织实施，业委会监督' }));
    expect(matter).toMatchObject({ step: 'consult', direction: '由物业组织实施，业委会监督', consultDays: 7, version: 2 });
    expect(new Date(matter.stepDueAt!).getTime()).toBe(w.clock.now().getTime() + 7 * DAY);
  });

  it('collects comments, support and survey answers during consultation', async () => {
    const owner = w.as('owner');
    const comment = await step(['consultation.comment_posted'], 201, () => owner.post(`/api/matters/${matter.id}/comments`, { body: '支持，尽快施工' }));
    expect(comment).toMatchObject({ body: '支持，尽快施工', hidden: false });
    const supported = await step(['consultation.matter_supported'], 200, () => owner.post(`/api/matters/${matter.id}/support`, {}));
    expect(supported).toMatchObject({ supports: 1, mySupport: true });
    const answered = await step(['consultation.survey_answered'], 200, () => owner.post(`/api/matters/${matter.id}/survey/responses`, { answers: [[1], [0, 2]] }));
    expect(answered.survey).toMatchObject({ responses: 1, results: [[0, 1], [1, 0, 1]] });
  });

  it('moves to deliberation once the consult period has ended', async () => {
    const early = expectStatus(await advance(w.as('staff'), matter, 'deliberate'), 409);
    expect(early.error.details.reason).toBe('consult_period_running');
    w.clock.advanceDays(7);
    matter = await step(['consultation.matter_advanced'], 200, () => advance(w.as('staff'), matter, 'deliberate'));
    expect(matter.step).toBe('deliberate');
  });

  it('is resolved after a joint meeting of the four parties reached consensus', async () => {
    const missing = expectStatus(await advance(w.as('staff'), matter, 'resolve'), 409);
    expect(missing.error.details.reason).toBe('joint_meeting_missing');
    await holdJointMeeting(w, matter.id, { conclusion: 'consensus' });
    matter = await step(['consultation.matter_advanced'], 200, () => advance(w.as('staff'), matter, 'resolve'));
    expect(matter.step).toBe('resolve');
    const unrecorded = expectStatus(await advance(w.as('committee'), matter, 'publish_resolution'), 409);
    expect(unrecorded.error.details.reason).toBe('resolution_missing');
    matter = await step(['consultation.resolution_recorded'], 200, () => w.as('committee').post(`/api/matters/${matter.id}/resolution`, { text: '同意翻新楼道，费用由公共收益列支', basisNote: '业委会第 12 次会议' }));
    expect(matter.resolution).toMatchObject({ decidingBody: 'owners_committee', basis: 'meeting', passed: null });
    expect(matter.resolution?.meetingId).toBeTruthy();
  });

  it('publishes the resolution notice and waits for its posting period and the answer to an objection', async () => {
    matter = await step(['notices.notice_published', 'consultation.matter_advanced'], 200, () => advance(w.as('committee'), matter, 'publish_resolution'));
    expect(matter.step).toBe('publish_resolution');
    const noticeId = matter.notices.resolution as string;
    expect(noticeId).toBeTruthy();
    const objection = expectStatus(await w.as('owner').post(`/api/notices/${noticeId}/objections`, { text: '施工时间应避开午休' }), 201);
    w.clock.advanceDays(7);
    const open = expectStatus(await advance(w.as('staff'), matter, 'implement'), 409);
    expect(open.error.details.reason).toBe('objections_open');
    expectStatus(await w.as('staff').post(`/api/notices/${noticeId}/objections/${objection.id}/answer`, { answer: '已调整为 14:30 后施工' }), 200);
    matter = await step(['consultation.matter_advanced'], 200, () => advance(w.as('staff'), matter, 'implement'));
    expect(matter.step).toBe('implement');
  });

  it('tracks a task with photo evidence to acceptance', async () => {
    const deadline = new Date(w.clock.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
    matter = await step(['consultation.task_added'], 201, () => w.as('staff').post(`/api/matters/${matter.id}/tasks`, {
      title: '楼道粉刷', responsibleParty: 'property_company', responsibleName: 'Manager Zhao', deadline,
    }));
    const task = matter.tasks[0];
    expect(matter.stepDueAt).toBe(`${deadline}T15:59:59.999Z`);
    const notYet = expectStatus(await w.as('committee').post(`/api/matters/${matter.id}/acceptance`, { party: 'owners_committee', note: 'ok' }), 409);
    expect(notYet.error.details.reason).toBe('tasks_unfinished');
    const photo = Buffer.from('fake jpeg bytes').toString('base64');
    matter = await step(['consultation.task_progress_reported'], 200, () => w.as('property').post(`/api/matters/${matter.id}/tasks/${task.id}/progress`, {
      progress: 100, note: '已完成', attachments: [{ name: 'done.jpg', mimeType: 'image/jpeg', contentBase64: photo }],
    }));
    const file = matter.tasks[0].updates[0].attachments[0];
    const download = await w.as('owner').get(file.url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.toString()).toBe('fake jpeg bytes');
    matter = await step(['consultation.implementation_accepted'], 200, () => w.as('committee').post(`/api/matters/${matter.id}/acceptance`, { party: 'owners_committee', note: '验收合格' }));
    expect(matter.acceptance).toMatchObject({ party: 'owners_committee', note: '验收合格' });
  });

  it('publishes the results, is rated once per household, and closes after posting', async () => {
    matter = await step(['notices.notice_published', 'consultation.matter_advanced'], 200, () => advance(w.as('staff'), matter, 'publish_results'));
    expect(matter.notices.results).toBeTruthy();
    matter = await step(['consultation.matter_rated'], 200, () => w.as('owner').post(`/api/matters/${matter.id}/ratings`, { score: 4, comment: '满意' }));
    expect(matter.ratings).toEqual({ count: 1, average: 4, mine: 4 });
    const again = expectStatus(await w.as('owner').post(`/api/matters/${matter.id}/ratings`, { score: 5 }), 409);
    expect(again.error.details.reason).toBe('already_rated');
    const posting = expectStatus(await advance(w.as('staff'), matter, 'closed'), 409);
    expect(posting.error.details.reason).toBe('notice_posting');
    w.clock.advanceDays(7);
    matter = await step(['consultation.matter_advanced'], 200, () => advance(w.as('staff'), matter, 'closed'));
    expect(matter.step).toBe('closed');
    expect(matter.history.map((h: { step: string }) => h.step)).toEqual(['propose', 'consult', 'deliberate', 'resolve', 'publish_resolution', 'implement', 'publish_results', 'closed']);
    expect(matter.abilities.moves).toEqual([]);
  });

  it('the commands off this path write their one event too: settings, co-signing, hiding a comment', async () => {
    await step(['consultation.settings_changed'], 200, () => w.as('staff').put(`/api/communities/${w.communityId}/consultation-settings`, { cosignaturesRequired: 1, consultDays: 5 }));
    const residents = await step(['consultation.matter_raised'], 201, () => w.as('raiserOwner').post('/api/matters', {
      communityId: w.communityId, title: 'Fix the lights', description: '路灯坏了', category: 'safety', source: 'residents', decidingBody: 'owners_committee',
    }));
    await step(['consultation.matter_cosigned'], 200, () => w.as('owner').post(`/api/matters/${residents.id}/cosign`, {}));
    const accepted = await step(['consultation.matter_advanced'], 200, () => advance(w.as('staff'), residents, 'consult', { direction: '同意' }));
    expect(accepted.consultDays).toBe(5);
    const comment = await step(['consultation.comment_posted'], 201, () => w.as('owner').post(`/api/matters/${residents.id}/comments`, { body: 'spam spam' }));
    await step(['consultation.comment_hidden'], 200, () => w.as('staff').post(`/api/matters/${residents.id}/comments/${comment.id}/hide`, { reason: 'advertising' }));
  });

  it('has exercised every consultation command, each with exactly one event of its kind', () => {
    expect([...seen].filter((k) => k.startsWith('consultation.')).sort()).toEqual(auditKinds.filter((k) => k.startsWith('consultation.')).sort());
  });

  it('kept every step in the audit trail', async () => {
    const res = expectStatus(await w.as('staff').get(`/api/audit/events?communityId=${w.communityId}&objectId=${matter.id}&pageSize=200`), 200);
    const moves = res.items.filter((e: { kind: string }) => e.kind === 'consultation.matter_advanced').map((e: { after: { step: string } }) => e.after.step);
    expect(moves).toEqual(expect.arrayContaining(['consult', 'deliberate', 'resolve', 'publish_resolution', 'implement', 'publish_results', 'closed']));
  });
});
