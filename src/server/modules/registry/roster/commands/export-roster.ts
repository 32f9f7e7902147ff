import type { Writable } from 'node:stream';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../../platform/db.ts';
import { AppError } from '../../../../platform/errors.ts';
import { buildings, ownerships, people, units } from '../../registry.tables.ts';
import type { CompoundRef } from '../../registry.policy.ts';
import { compareUnits, exportRow, type ExportUnit } from '../domain/export-rows.ts';
import { findCompound } from '../roster.repo.ts';
import { writeRosterWorkbook } from '../sheet-writer.ts';

/** Every unit of the compound with its current owners (the voter first), sorted the way people count them. */
async function loadExportUnits(db: Db, c: CompoundRef): Promise<ExportUnit[]> {
  const unitRows = await db
    .select({
      id: units.id, building: buildings.name, number: units.number, use: units.use, holderStatus: units.holderStatus,
      registered: units.areaRegisteredCenti, surveyed: units.areaSurveyedCenti, contract: units.areaContractCenti,
    })
    .from(units)
    .innerJoin(buildings, and(eq(buildings.communityId, units.communityId), eq(buildings.id, units.buildingId)))
    .where(and(eq(units.communityId, c.communityId), eq(units.compoundId, c.id)));
  const ownerRows = await db
    .select({ unitId: ownerships.unitId, isVoter: ownerships.isVoter, name: people.name, phone: people.phone, idLast4: people.idLast4 })
    .from(ownerships)
    .innerJoin(units, and(eq(units.communityId, ownerships.communityId), eq(units.id, ownerships.unitId)))
    .innerJoin(people, and(eq(people.communityId, ownerships.communityId), eq(people.id, ownerships.personId)))
    .where(and(eq(ownerships.communityId, c.communityId), eq(units.compoundId, c.id), isNull(ownerships.until)))
    .orderBy(desc(ownerships.isVoter), asc(ownerships.since), asc(people.name), asc(ownerships.id));
  const byId = new Map<string, ExportUnit>();
  for (const u of unitRows) {
    byId.set(u.id, {
      building: u.building, number: u.number, use: u.use, holderStatus: u.holderStatus,
      areas: { registered: u.registered, surveyed: u.surveyed, contract: u.contract }, owners: [],
    });
  }
  for (const o of ownerRows) byId.get(o.unitId)?.owners.push({ name: o.name, phone: o.phone, idLast4: o.idLast4, isVoter: o.isVoter });
  return [...byId.values()].sort(compareUnits);
}

/**
 * Writes the compound's roster as XLSX in the import's columns; with no units it is the blank
 * template. A read: it records no audit event. The caller has checked that the actor may export,
 * and says whether they may see phone numbers: if not, 电话 is left empty (masked numbers would not
 * re-import, while an empty cell never clears a stored phone).
 */
export async function exportRoster(db: Db, ref: CompoundRef, out: Writable, options: { phones: boolean } = { phones: true }) {
  const compound = await findCompound(db, ref);
  if (!compound) throw new AppError('not_found', 'Compound not found');
  const list = await loadExportUnits(db, ref);
  if (!options.phones) for (const unit of list) for (const owner of unit.owners) owner.phone = null;
  const unitCount = await writeRosterWorkbook(out, list.map(exportRow));
  return { compound, units: unitCount };
}

/** The file name an export suggests: the compound's code, e.g. "roster-C001.xlsx". */
export const rosterFileName = (compound: { code: string }) => `roster-${compound.code.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.xlsx`;
