import { describe, expect, it } from 'vitest';
import { dueOnEntry, endOfChinaDay, isLate, taskOverdue } from '../../../src/server/modules/consultation/domain/deadlines.ts';
import { resolutionNotice, resultsNotice } from '../../../src/server/modules/consultation/domain/notice-texts.ts';
import { answerIssues, tallySurvey } from '../../../src/server/modules/consultation/domain/survey.ts';

const settings = { consultDays: 7, deliberateDays: 14, resolveDays: 60 };
const NOW = new Date('2026-03-10T02:00:00Z');

describe('deadlines', () => {
  it('task deadlines end with their day in China', () => {
    expect(endOfChinaDay('2026-03-10').toISOString()).toBe('2026-03-10T15:59:59.999Z');
    expect(taskOverdue({ deadline: '2026-03-10', progress: 50 }, new Date('2026-03-10T15:59:59Z'))).toBe(false);
    expect(taskOverdue({ deadline: '2026-03-10', progress: 50 }, new Date('2026-03-10T16:00:00Z'))).toBe(true);
    expect(taskOverdue({ deadline: '2026-03-10', progress: 100 }, new Date('2026-04-10T00:00:00Z'))).toBe(false);
  });

  it('a step gets its deadline on entry', () => {
    expect(dueOnEntry('consult', NOW, settings)?.toISOString()).toBe('2026-03-17T02:00:00.000Z');
    expect(dueOnEntry('consult', NOW, settings, { consultDays: 2 })?.toISOString()).toBe('2026-03-12T02:00:00.000Z');
    expect(dueOnEntry('deliberate', NOW, settings)?.toISOString()).toBe('2026-03-24T02:00:00.000Z');
    expect(dueOnEntry('resolve', NOW, settings)?.toISOString()).toBe('2026-05-09T02:00:00.000Z');
    expect(dueOnEntry('publish_resolution', NOW, settings, { noticeEndsAt: new Date('2026-03-17T02:00:00Z') })?.toISOString()).toBe('2026-03-17T02:00:00.000Z');
    expect(dueOnEntry('implement', NOW, settings, { earliestTaskDeadline: '2026-04-01' })?.toISOString()).toBe('2026-04-01T15:59:59.999Z');
    expect(dueOnEntry('implement', NOW, settings, { earliestTaskDeadline: null })).toBeNull();
    for (const step of ['propose', 'closed', 'declined', 'withdrawn', 'escalated'] as const) expect(dueOnEntry(step, NOW, settings)).toBeNull();
  });

  it('lateness: passed period, limit or task deadlines; never a notice\u2019s end of posting', () => {
    const past = new Date('2026-03-01T00:00:00Z');
    expect(isLate('consult', past, NOW)).toBe(true);
    expect(isLate('implement', past, NOW)).toBe(true);
    expect(isLate('publish_resolution', past, NOW)).toBe(false);
    expect(isLate('deliberate', null, NOW)).toBe(false);
    expect(isLate('deliberate', new Date('2026-04-01T00:00:00Z'), NOW)).toBe(false);
  });
});

describe('survey', () => {
  const questions = [
    { text: 'one', kind: 'single' as const, options: ['a', 'b'] },
    { text: 'many', kind: 'multiple' as const, options: ['x', 'y', 'z'] },
  ];

  it('checks answers question by question', () => {
    expect(answerIssues(questions, [[0]])).toEqual([{ path: 'answers', message: 'must answer each of the 2 question(s) in order, got 1' }]);
    expect(answerIssues(questions, [[0, 1], [0]])).toEqual([{ path: 'answers[0]', message: 'question 1 takes exactly one option' }]);
    expect(answerIssues(questions, [[1], [2, 2]])).toEqual([{ path: 'answers[1]', message: 'question 2: an option is chosen twice' }]);
    expect(answerIssues(questions, [[2], [0]])).toEqual([{ path: 'answers[0]', message: 'question 1 has options 0 to 1, got 2' }]);
    expect(answerIssues(questions, [[1], [0, 2]])).toEqual([]);
  });

  it('counts per option', () => {
    expect(tallySurvey(questions, [[[1], [0, 2]], [[1], [2]], [[0], [1]]])).toEqual([[1, 2], [1, 1, 2]]);
  });
});

describe('notice texts', () => {
  it('the resolution notice names the body and the basis, Chinese first', () => {
    const n = resolutionNotice({ title: '选聘物业' }, { text: '通过', decidingBody: 'owners_vote', basis: 'vote', passed: true, basisNote: null });
    expect(n.title).toBe('决议公示：选聘物业');
    expect(n.body.split('\n').slice(0, 4)).toEqual(['事项：选聘物业', '决议机构：业主大会（业主表决）', '依据：业主表决结果', '决议内容（通过 / passed）：']);
  });

  it('the results notice lists who did what by when, and the acceptance', () => {
    const n = resultsNotice({ title: '楼道翻新' }, [
      { title: '粉刷', responsibleParty: 'property_company', responsibleName: '赵经理', deadline: '2026-04-01', progress: 100, completedAt: new Date('2026-03-30T02:00:00Z') },
    ], { party: 'owners_committee', note: '合格', at: new Date('2026-03-31T02:00:00Z') });
    expect(n.body).toContain('1. 粉刷——物业服务企业（赵经理），期限 2026-04-01，完成 100%，完成于 2026-03-30');
    expect(n.body).toContain('验收：业主委员会于 2026-03-31 验收。合格');
  });
});
