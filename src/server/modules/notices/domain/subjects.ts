import type { NoticeSubjectType } from '../../../../contracts/notices.ts';

/**
 * What each kind of subject requires of its notice. The product's rule is a posting period of at
 * least 7 days; a subject type whose own rules demand more raises its floor here, and a
 * community's minimum applies on top (effective minimum = the larger of the two). Adding a
 * subject type is one row here and one in contracts/notices.ts.
 */
export interface SubjectRule {
  floorDays: number;
  label: { zh: string; en: string };
}

export const SUBJECT_RULES: Record<NoticeSubjectType, SubjectRule> = {
  matter_resolution: { floorDays: 7, label: { zh: '决议公示', en: 'Resolution notice' } },
  matter_results: { floorDays: 7, label: { zh: '实施结果公示', en: 'Implementation results notice' } },
  vote_result: { floorDays: 7, label: { zh: '业主表决结果公示', en: "Owners' vote result notice" } },
};

export function subjectRule(subjectType: string): SubjectRule | null {
  return Object.hasOwn(SUBJECT_RULES, subjectType) ? SUBJECT_RULES[subjectType as NoticeSubjectType] : null;
}
