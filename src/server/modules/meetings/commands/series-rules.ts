import type { MeetingKind } from '../../../../contracts/meetings.ts';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import type { Db } from '../../../platform/db.ts';
import { MEETING_KINDS } from '../domain/meeting-kinds.ts';
import { isValidTimeZone, type RecurrenceRule } from '../domain/recurrence.ts';
import { compoundInCommunity } from '../repo/places.ts';
import { invalid } from './support.ts';

// Checks shared by the commands that create meetings and series.

/** The compound a meeting or series of this kind belongs to: required for compound-level kinds, refused otherwise. */
export async function bodyCompound(db: Db, communityId: string, kind: MeetingKind, compoundId: string | undefined | null): Promise<string | null> {
  if (MEETING_KINDS[kind].level === 'community') {
    if (compoundId) throw invalid([{ path: 'compoundId', message: `a ${kind} meeting belongs to the community; send no compoundId` }]);
    return null;
  }
  if (!compoundId) throw invalid([{ path: 'compoundId', message: `a ${kind} meeting needs the compound whose committee meets` }]);
  if (!(await compoundInCommunity(db, communityId, compoundId))) {
    throw invalid([{ path: 'compoundId', message: `no compound ${compoundId} in this community` }]);
  }
  return compoundId;
}

export function checkRule(rule: RecurrenceRule): void {
  const issues: FieldIssue[] = [];
  if (!isValidTimeZone(rule.timezone)) issues.push({ path: 'timezone', message: `"${rule.timezone}" is not an IANA time zone (e.g. Asia/Shanghai)` });
  if (rule.endsOn !== null && rule.endsOn < rule.startsOn) issues.push({ path: 'endsOn', message: `must not be before startsOn (${rule.startsOn})` });
  if (issues.length) throw invalid(issues);
}
