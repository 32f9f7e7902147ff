import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { unitsWithCurrentOwners } from '../../registry/index.ts';
import { buildElectorate, type Electorate, type ElectorateSubject, type ElectorateUnit } from '../domain/electorate.ts';
import { STATE_ALLOWS, type VoteState } from '../domain/lifecycle.ts';
import { voteSubjects, voteUnitOwners, voteUnits, voteVoters } from '../voting.tables.ts';

interface VoteKey {
  id: string;
  communityId: string;
  compoundId: string;
  state: VoteState;
  options: unknown;
}

const parkingOf = (vote: VoteKey) => (vote.options as { parkingInVotingArea?: boolean }).parkingInVotingArea === true;

const CHUNK = 1000;
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** The electorate as it stands in the registry now (during the notice). */
export async function liveElectorate(db: Db, vote: VoteKey): Promise<Electorate> {
  const units = await unitsWithCurrentOwners(db, { id: vote.compoundId, communityId: vote.communityId });
  return buildElectorate(units, parkingOf(vote));
}

/** The electorate the vote froze when it opened. */
export async function frozenElectorate(db: Db, vote: VoteKey): Promise<Electorate> {
  const unitRows = await db
    .select()
    .from(voteUnits)
    .where(and(eq(voteUnits.communityId, vote.communityId), eq(voteUnits.voteId, vote.id)))
    .orderBy(voteUnits.buildingName, voteUnits.number);
  const ownerRows = await db
    .select({ unitId: voteUnitOwners.unitId, personId: voteUnitOwners.personId })
    .from(voteUnitOwners)
    .where(and(eq(voteUnitOwners.communityId, vote.communityId), eq(voteUnitOwners.voteId, vote.id)));
  const subjectRows = await db
    .select()
    .from(voteSubjects)
    .where(and(eq(voteSubjects.communityId, vote.communityId), eq(voteSubjects.voteId, vote.id)));
  const ownersOf = new Map<string, string[]>();
  for (const o of ownerRows) ownersOf.set(o.unitId, [...(ownersOf.get(o.unitId) ?? []), o.personId]);

  const units: ElectorateUnit[] = unitRows.map((u) => ({
    unitId: u.unitId,
    buildingId: u.buildingId,
    buildingName: u.buildingName,
    number: u.number,
    use: u.use as ElectorateUnit['use'],
    holderStatus: u.holderStatus as ElectorateUnit['holderStatus'],
    areas: { registered: u.areaRegisteredCenti, surveyed: u.areaSurveyedCenti, contract: u.areaContractCenti },
    developer: u.developer,
    parking: u.parking,
    ownerIds: (ownersOf.get(u.unitId) ?? []).sort(),
    voterId: u.voterPersonId,
    subjectKey: u.subjectKey,
  }));
  const unitsOf = new Map<string, string[]>();
  for (const u of units) if (u.subjectKey) unitsOf.set(u.subjectKey, [...(unitsOf.get(u.subjectKey) ?? []), u.unitId]);
  const subjects: ElectorateSubject[] = subjectRows.map((s) => {
    const unitIds = (unitsOf.get(s.key) ?? []).sort();
    const owners = [...new Set(unitIds.flatMap((id) => ownersOf.get(id) ?? []))].sort();
    return { key: s.key, representatives: s.representatives as string[], owners, areaCenti: BigInt(s.areaCenti), developer: s.developer, unitIds };
  });
  return { units, subjects, problems: [] };
}

/** Frozen once open; live from the registry before. */
export async function electorateOf(db: Db, vote: VoteKey): Promise<Electorate> {
  return STATE_ALLOWS[vote.state].frozen ? frozenElectorate(db, vote) : liveElectorate(db, vote);
}

/** Copies the electorate into the vote's own tables. Called once, by the open command. */
export async function freezeElectorate(tx: Db, vote: { id: string; communityId: string }, electorate: Electorate): Promise<void> {
  const { communityId } = vote;
  const voteId = vote.id;
  await insertChunked(electorate.units, (chunk) => tx.insert(voteUnits).values(chunk.map((u) => ({
    communityId,
    voteId,
    unitId: u.unitId,
    buildingId: u.buildingId,
    buildingName: u.buildingName,
    number: u.number,
    use: u.use,
    holderStatus: u.holderStatus,
    developer: u.developer,
    parking: u.parking,
    areaRegisteredCenti: u.areas.registered,
    areaSurveyedCenti: u.areas.surveyed,
    areaContractCenti: u.areas.contract,
    voterPersonId: u.voterId,
    subjectKey: u.subjectKey,
  }))));
  const owners = electorate.units.flatMap((u) => u.ownerIds.map((personId) => ({ communityId, voteId, unitId: u.unitId, personId })));
  await insertChunked(owners, (chunk) => tx.insert(voteUnitOwners).values(chunk));
  await insertChunked(electorate.subjects, (chunk) => tx.insert(voteSubjects).values(chunk.map((s) => ({
    communityId, voteId, key: s.key, representatives: s.representatives, areaCenti: Number(s.areaCenti), developer: s.developer,
  }))));
  const voters = electorate.subjects.flatMap((s) => s.representatives.map((personId) => ({ communityId, voteId, personId, subjectKey: s.key })));
  await insertChunked(voters, (chunk) => tx.insert(voteVoters).values(chunk));
}

/** The subjects these people speak for in the frozen electorate (a person speaks for at most one). */
export async function subjectsSpokenFor(db: Db, vote: { id: string; communityId: string }, personIds: string[]) {
  if (!personIds.length) return [];
  return db
    .select({ personId: voteVoters.personId, subjectKey: voteVoters.subjectKey })
    .from(voteVoters)
    .where(and(eq(voteVoters.communityId, vote.communityId), eq(voteVoters.voteId, vote.id), inArray(voteVoters.personId, personIds)));
}

/** Frozen units these people own. */
export async function frozenUnitsOwnedBy(db: Db, vote: { id: string; communityId: string }, personIds: string[]) {
  if (!personIds.length) return [];
  return db
    .selectDistinct({ unitId: voteUnits.unitId, buildingName: voteUnits.buildingName, number: voteUnits.number, subjectKey: voteUnits.subjectKey, personId: voteUnitOwners.personId })
    .from(voteUnitOwners)
    .innerJoin(voteUnits, and(eq(voteUnits.communityId, voteUnitOwners.communityId), eq(voteUnits.voteId, voteUnitOwners.voteId), eq(voteUnits.unitId, voteUnitOwners.unitId)))
    .where(and(eq(voteUnitOwners.communityId, vote.communityId), eq(voteUnitOwners.voteId, vote.id), inArray(voteUnitOwners.personId, personIds)));
}

/** The frozen units of some subjects, for showing which units a ballot speaks for. */
export async function unitsOfSubjects(db: Db, vote: { id: string; communityId: string }, keys: string[]) {
  if (!keys.length) return [];
  return db
    .select({ unitId: voteUnits.unitId, buildingName: voteUnits.buildingName, number: voteUnits.number, subjectKey: voteUnits.subjectKey })
    .from(voteUnits)
    .where(and(eq(voteUnits.communityId, vote.communityId), eq(voteUnits.voteId, vote.id), inArray(voteUnits.subjectKey, keys)))
    .orderBy(voteUnits.buildingName, voteUnits.number);
}

export async function frozenUnit(db: Db, vote: { id: string; communityId: string }, unitId: string) {
  const [row] = await db
    .select()
    .from(voteUnits)
    .where(and(eq(voteUnits.communityId, vote.communityId), eq(voteUnits.voteId, vote.id), eq(voteUnits.unitId, unitId)));
  return row ?? null;
}

export async function subjectRow(db: Db, vote: { id: string; communityId: string }, key: string) {
  const [row] = await db
    .select()
    .from(voteSubjects)
    .where(and(eq(voteSubjects.communityId, vote.communityId), eq(voteSubjects.voteId, vote.id), eq(voteSubjects.key, key)));
  return row ? { ...row, representatives: row.representatives as string[] } : null;
}
