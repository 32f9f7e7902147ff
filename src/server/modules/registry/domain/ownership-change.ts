import type { FieldIssue } from '../../../../contracts/errors.ts';

// Pure: the rules a change of ownership must meet before anything is written.

export interface CurrentOwnership {
  personId: string;
  since: string;
}

export interface ProposedOwner {
  personId?: string;
  name?: string;
  isVoter?: boolean;
}

/**
 * Checks a dated change of ownership against the unit's current owners. Returns the problems,
 * each naming the field at fault; an empty list means the change may be written.
 */
export function checkOwnershipChange(current: CurrentOwnership[], change: { date: string; owners: ProposedOwner[] }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const latestSince = current.reduce<string | null>((max, o) => (max === null || o.since > max ? o.since : max), null);
  if (latestSince !== null && change.date < latestSince) {
    issues.push({ path: 'date', message: `${change.date} is before the current ownership began (${latestSince})` });
  }
  if (change.owners.length === 0) issues.push({ path: 'owners', message: 'name at least one owner' });
  const seen = new Map<string, number>();
  change.owners.forEach((o, i) => {
    if (!o.personId) return;
    const first = seen.get(o.personId);
    if (first !== undefined) issues.push({ path: `owners.${i}.personId`, message: `the same person as owners.${first}` });
    else seen.set(o.personId, i);
  });
  if (change.owners.length > 1) {
    const voters = change.owners.filter((o) => o.isVoter).length;
    if (voters !== 1) {
      issues.push({ path: 'owners', message: `${change.owners.length} co-owners need exactly one named voter (isVoter: true); ${voters} given` });
    }
  }
  return issues;
}

/** With a single owner, that owner votes; with several, the one marked isVoter. */
export function voterFlags(owners: ProposedOwner[]): boolean[] {
  return owners.length === 1 ? [true] : owners.map((o) => o.isVoter === true);
}
