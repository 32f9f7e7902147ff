/**
 * The electorate of one vote, from the registry's units and current owners: the units the tally
 * will see (with every area source, use and developer flag), the problems that would make the
 * vote record malformed, and the voting subjects built by the tally core's own rules
 * (subjects.ts), each with a stable key so that ballots can be unique per subject.
 */
import type { AreaSources } from './area.ts';
import { buildSubjects, isCounted, subjectLabel, type VoteUnit, type VotingSubject } from './subjects.ts';

export interface RegistryOwner {
  personId: string;
  isVoter: boolean;
  isDeveloper: boolean;
}

export interface RegistryUnit {
  unitId: string;
  buildingId: string;
  buildingName: string;
  number: string;
  use: 'residential' | 'commercial' | 'parking';
  holderStatus: 'owned' | 'developer_unsold' | 'sold_not_delivered';
  areas: { registered: number | null; surveyed: number | null; contract: number | null };
  owners: RegistryOwner[];
}

/** A unit as the vote keeps it: what the tally needs, and where it is for progress per building. */
export interface ElectorateUnit {
  unitId: string;
  buildingId: string;
  buildingName: string;
  number: string;
  use: RegistryUnit['use'];
  holderStatus: RegistryUnit['holderStatus'];
  areas: RegistryUnit['areas'];
  developer: boolean;
  parking: boolean;
  ownerIds: string[];
  /** the co-owner named to vote for a co-owned unit; null for a sole owner or when none is named */
  voterId: string | null;
  /** the subject the unit belongs to; null when it does not count (parking left out) or has a problem */
  subjectKey: string | null;
}

export interface ElectorateSubject {
  /** the subject's representatives joined with "+", exactly the `voter` label of the tally's result */
  key: string;
  representatives: string[];
  owners: string[];
  areaCenti: bigint;
  developer: boolean;
  unitIds: string[];
}

export interface ElectorateProblem {
  unitId: string;
  buildingName: string;
  number: string;
  message: string;
}

export interface Electorate {
  units: ElectorateUnit[];
  subjects: ElectorateSubject[];
  problems: ElectorateProblem[];
}

/** Units held by the developer: unsold, sold but not delivered, or owned by a person marked as the developer. */
export function isDeveloperUnit(unit: Pick<RegistryUnit, 'holderStatus' | 'owners'>): boolean {
  return unit.holderStatus !== 'owned' || unit.owners.some((owner) => owner.isDeveloper);
}

export function buildElectorate(registry: RegistryUnit[], parkingInVotingArea: boolean): Electorate {
  const problems: ElectorateProblem[] = [];
  const units: ElectorateUnit[] = registry.map((unit) => {
    const flagged = unit.owners.filter((owner) => owner.isVoter);
    const coOwned = unit.owners.length > 1;
    const where = { unitId: unit.unitId, buildingName: unit.buildingName, number: unit.number };
    if (unit.areas.registered === null && unit.areas.surveyed === null && unit.areas.contract === null) {
      problems.push({ ...where, message: 'has no registered, surveyed or contract area' });
    }
    if (unit.owners.length === 0) problems.push({ ...where, message: 'has no current owner' });
    if (coOwned && flagged.length > 1) problems.push({ ...where, message: `${flagged.length} co-owners are marked as the named voter; name one` });
    return {
      unitId: unit.unitId,
      buildingId: unit.buildingId,
      buildingName: unit.buildingName,
      number: unit.number,
      use: unit.use,
      holderStatus: unit.holderStatus,
      areas: unit.areas,
      developer: isDeveloperUnit(unit),
      parking: unit.use === 'parking',
      ownerIds: unit.owners.map((owner) => owner.personId).sort(),
      voterId: coOwned && flagged.length === 1 ? flagged[0].personId : null,
      subjectKey: null,
    };
  });

  const withProblem = new Set(problems.map((p) => p.unitId));
  const voteUnits = units.filter((unit) => !withProblem.has(unit.unitId)).map(toVoteUnit);
  const subjects = buildSubjects(voteUnits, parkingInVotingArea).map(toElectorateSubject);
  const keyOfUnit = new Map(subjects.flatMap((subject) => subject.unitIds.map((id) => [id, subject.key] as const)));
  for (const unit of units) unit.subjectKey = keyOfUnit.get(unit.unitId) ?? null;
  return { units, subjects, problems };
}

/** The unit as the tally core reads it (and as the exported record shows it). */
export function toVoteUnit(unit: Pick<ElectorateUnit, 'unitId' | 'areas' | 'ownerIds' | 'voterId' | 'developer' | 'parking'>): VoteUnit {
  const area: AreaSources = {};
  if (unit.areas.registered !== null) area.registered = BigInt(unit.areas.registered);
  if (unit.areas.surveyed !== null) area.surveyed = BigInt(unit.areas.surveyed);
  if (unit.areas.contract !== null) area.contract = BigInt(unit.areas.contract);
  return {
    id: unit.unitId,
    area,
    owners: unit.ownerIds,
    ...(unit.voterId ? { voter: unit.voterId } : {}),
    ...(unit.developer ? { developer: true } : {}),
    ...(unit.parking ? { parking: true } : {}),
  };
}

function toElectorateSubject(subject: VotingSubject): ElectorateSubject {
  return {
    key: subjectLabel(subject),
    representatives: subject.representatives,
    owners: subject.owners,
    areaCenti: subject.area,
    developer: subject.developer,
    unitIds: subject.units.map((unit) => unit.id),
  };
}

export { isCounted };
