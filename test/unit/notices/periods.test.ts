import { describe, expect, it } from 'vitest';
import {
  addDays, checkPeriods, checkSettings, minimumPostingDays, noticePhase, objectionRefusal, objectionStatus, scheduleNotice, NOTICE_FLOOR_DAYS,
} from '../../../src/server/modules/notices/domain/periods.ts';
import { SUBJECT_RULES, subjectRule } from '../../../src/server/modules/notices/domain/subjects.ts';
import { noticeSubjectTypes } from '../../../src/contracts/notices.ts';

const T0 = new Date('2025-03-03T02:00:00Z');
const rule = SUBJECT_RULES.matter_resolution;

describe('posting minimum', () => {
  it('is 7 days by default and follows a higher community minimum', () => {
    expect(minimumPostingDays(rule, { minPostingDays: 7, replyDays: 3 })).toBe(7);
    expect(minimumPostingDays(rule, { minPostingDays: 10, replyDays: 3 })).toBe(10);
  });

  it('lets a subject type raise the floor above the community minimum', () => {
    expect(minimumPostingDays({ floorDays: 15, label: { zh: '', en: '' } }, { minPostingDays: 10, replyDays: 3 })).toBe(15);
  });

  it('never goes below the floor, whatever a settings row says', () => {
    expect(minimumPostingDays(rule, { minPostingDays: 3, replyDays: 3 })).toBe(NOTICE_FLOOR_DAYS);
  });

  it('refuses a shorter posting period or objection window, naming the field', () => {
    expect(checkPeriods({ postingDays: 7, objectionDays: 7 }, 7)).toBeNull();
    expect(checkPeriods({ postingDays: 6, objectionDays: 7 }, 7)).toMatchObject({ reason: 'posting_too_short', field: 'postingDays' });
    expect(checkPeriods({ postingDays: 10, objectionDays: 6 }, 7)).toMatchObject({ reason: 'posting_too_short', field: 'objectionDays' });
    expect(checkPeriods({ postingDays: 9, objectionDays: 9 }, 10)?.message).toMatch(/^postingDays: must be at least 10 days/);
  });

  it('refuses a community minimum below the floor', () => {
    expect(checkSettings({ minPostingDays: 6, replyDays: 3 })).toMatchObject({ field: 'minPostingDays' });
    expect(checkSettings({ minPostingDays: 7, replyDays: 1 })).toBeNull();
  });

  it('has a rule for every subject type of the contract, and none for others', () => {
    for (const t of noticeSubjectTypes) expect(subjectRule(t)).not.toBeNull();
    expect(subjectRule('toString')).toBeNull();
    expect(subjectRule('other')).toBeNull();
  });
});

describe('schedule and phase', () => {
  const s = scheduleNotice(T0, 7, 10);
  const published = { state: 'published' as const, ...s };

  it('counts whole days of 24 hours from the start', () => {
    expect(s.postingEndsAt.toISOString()).toBe('2025-03-10T02:00:00.000Z');
    expect(s.objectionEndsAt.toISOString()).toBe('2025-03-13T02:00:00.000Z');
  });

  it('ends the posting at its end, not before', () => {
    expect(noticePhase({ state: 'draft', postingEndsAt: null }, T0)).toBe('draft');
    expect(noticePhase(published, new Date(s.postingEndsAt.getTime() - 1))).toBe('published');
    expect(noticePhase(published, s.postingEndsAt)).toBe('posting_ended');
  });

  it('opens the objection window at the posting start and closes it at its end', () => {
    expect(objectionRefusal(published, null, new Date(T0.getTime() - 1))).toMatchObject({ reason: 'window_not_open' });
    expect(objectionRefusal(published, null, T0)).toBeNull();
    expect(objectionRefusal(published, null, new Date(s.objectionEndsAt.getTime() - 1))).toBeNull();
    expect(objectionRefusal(published, null, s.objectionEndsAt)).toMatchObject({ reason: 'window_closed' });
  });

  it('takes no objections on drafts or corrected notices', () => {
    expect(objectionRefusal({ state: 'draft', postingStartsAt: null, postingEndsAt: null, objectionEndsAt: null }, null, T0)).toMatchObject({ reason: 'not_published' });
    expect(objectionRefusal(published, 'n2', T0)).toMatchObject({ reason: 'notice_corrected' });
  });
});

describe('objection status', () => {
  const due = addDays(T0, 3);
  it('is open until the deadline, overdue after it', () => {
    expect(objectionStatus({ answeredAt: null, replyDueAt: due }, due)).toBe('open');
    expect(objectionStatus({ answeredAt: null, replyDueAt: due }, new Date(due.getTime() + 1))).toBe('overdue');
  });
  it('is answered, or answered late after the deadline', () => {
    expect(objectionStatus({ answeredAt: due, replyDueAt: due }, addDays(due, 5))).toBe('answered');
    expect(objectionStatus({ answeredAt: new Date(due.getTime() + 1), replyDueAt: due }, due)).toBe('answered_late');
  });
});
