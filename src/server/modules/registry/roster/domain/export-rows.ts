import type { AreaSource, HolderStatus, UnitUse } from './cells.ts';
import type { exportFields } from './columns.ts';

// Pure: a unit and its current owners as one row of the roster sheet, in exactly the form the
// import reads back, so that an exported roster re-imports with no change.

export interface ExportUnit {
  building: string;
  number: string;
  use: UnitUse;
  holderStatus: HolderStatus;
  areas: Record<AreaSource, number | null>;
  /** current owners in a stable order */
  owners: { name: string; phone: string | null; idLast4: string | null; isVoter: boolean }[];
}

export type ExportRow = Record<(typeof exportFields)[number], string | number | null>;

const useLabel: Record<UnitUse, string> = { residential: '住宅', commercial: '商业', parking: '车位' };
const developerLabel: Record<HolderStatus, string | null> = { owned: null, developer_unsold: '未售', sold_not_delivered: '已售未交付' };

/** m² as a number cell: 8835 → 88.35 (JavaScript prints n/100 as the shortest exact decimal). */
const area = (centi: number | null) => (centi === null ? null : centi / 100);

/** A list cell with one slot per owner; empty when no owner has a value. */
const slots = (values: (string | null)[]) => (values.some(Boolean) ? values.map((v) => v ?? '').join('、') : null);

export function exportRow(u: ExportUnit): ExportRow {
  const voter = u.owners.length > 1 ? u.owners.find((o) => o.isVoter)?.name ?? null : null;
  return {
    building: u.building,
    number: u.number,
    use: useLabel[u.use],
    areaRegistered: area(u.areas.registered),
    areaSurveyed: area(u.areas.surveyed),
    areaContract: area(u.areas.contract),
    owners: u.owners.length ? u.owners.map((o) => o.name).join('、') : null,
    voter,
    phones: slots(u.owners.map((o) => o.phone)),
    idNumbers: slots(u.owners.map((o) => o.idLast4)),
    developer: developerLabel[u.holderStatus],
  };
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Buildings and unit numbers in the order people count them: 2栋 before 10栋, 101 before 1001. */
export const compareUnits = (a: Pick<ExportUnit, 'building' | 'number'>, b: Pick<ExportUnit, 'building' | 'number'>) =>
  collator.compare(a.building, b.building) || collator.compare(a.number, b.number);
