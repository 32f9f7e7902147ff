/**
 * The checks a convener's draft must pass before it is stored: the times against the compound's
 * bounds, and the rule (preset, options, items, elections) against the tally core, so that a vote
 * that could never be counted is refused when it is written, naming the field.
 */
import { DAY_MS, formatDays, type ScheduleBounds, type VoteTimes } from './lifecycle.ts';
import {
  isChinesePreset,
  requiredUnitWeight,
  resolveOptions,
  type PresetId,
  type VoteOptions,
} from './presets.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

export function checkSchedule(times: VoteTimes, bounds: ScheduleBounds): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const noticeDays = (times.opensAt.getTime() - times.noticeAt.getTime()) / DAY_MS;
  if (noticeDays < bounds.minNoticeDays) {
    issues.push({
      path: 'opensAt',
      message: `opens ${formatDays(noticeDays)} days after the notice; this compound requires at least ${bounds.minNoticeDays}`,
    });
  }
  const windowDays = (times.closesAt.getTime() - times.opensAt.getTime()) / DAY_MS;
  if (windowDays < bounds.minWindowDays || windowDays > bounds.maxWindowDays) {
    issues.push({
      path: 'closesAt',
      message: `the voting window is ${formatDays(windowDays)} days; this compound allows ${bounds.minWindowDays} to ${bounds.maxWindowDays}`,
    });
  }
  return issues;
}

export interface QuestionDraft {
  item: number;
  kind: 'decision' | 'election';
  seats?: number | null;
  candidates?: { name: string }[] | null;
}

/**
 * The rule and the questions. Options go through the tally core's own resolveOptions, so that
 * silent votes without the rules-of-procedure clause (and every other combination the law does
 * not allow) are refused here exactly as the count would refuse them.
 */
export function checkRule(preset: PresetId, options: Partial<VoteOptions>, questions: QuestionDraft[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const kinds = new Set(questions.map((q) => q.kind));
  for (const kind of kinds) {
    const resolved = resolveOptions(preset, options, kind, 'options');
    if (!resolved.ok) {
      issues.push(resolved.error);
      continue;
    }
    const weight = requiredUnitWeight(preset, resolved.value);
    if (weight) {
      issues.push({ path: 'preset', message: `${preset} weighs every unit by ${weight}, which the registry does not hold; use a preset weighed by area or heads` });
    }
  }
  questions.forEach((q, index) => {
    const path = `questions.${index}`;
    if (q.kind === 'election') {
      if (!isChinesePreset(preset)) issues.push({ path: `${path}.kind`, message: `committee elections are defined only under the Chinese presets, not ${preset}` });
      if (q.item !== 3) issues.push({ path: `${path}.item`, message: `${q.item} is not 3: an election elects the owners' committee (Art. 278 item 3)` });
      const candidates = q.candidates ?? [];
      if (!q.seats || q.seats < 1) issues.push({ path: `${path}.seats`, message: 'an election needs at least 1 seat' });
      if (candidates.length === 0) issues.push({ path: `${path}.candidates`, message: 'an election needs at least one candidate' });
      const seen = new Set<string>();
      candidates.forEach((c, i) => {
        if (seen.has(c.name)) issues.push({ path: `${path}.candidates.${i}.name`, message: `"${c.name}" is listed twice` });
        seen.add(c.name);
      });
    } else {
      if (q.seats != null || (q.candidates && q.candidates.length)) {
        issues.push({ path: `${path}.candidates`, message: 'only an election has seats and candidates' });
      }
    }
  });
  return issues;
}
