import type { RosterProblem } from '../../../../../contracts/roster.ts';
import {
  cellText, maskIdNumber, normaliseName, parseArea, parseAreaSource, parseDeveloper, parseIdNumber, parsePhone, parseUse, splitList,
  type AreaSource, type CellValue, type HolderStatus, type UnitUse,
} from './cells.ts';
import { looksLikeHeader, resolveHeader, type HeaderMap, type RosterField } from './columns.ts';

// Pure: checks the sheet row by row as it streams in, and across rows (duplicate units, the same
// phone or ID number under two names). Nothing here reads the database: the compound's building
// names are handed in, and ID numbers leave as salted hashes through the hash function given.

export interface RosterOwner {
  name: string;
  phone: string | null;
  idHash: string | null;
  idLast4: string | null;
}

export interface RosterUnit {
  row: number;
  building: string;
  number: string;
  /** null when the sheet has no 用途 column: an existing unit keeps its use, a new one is residential */
  use: UnitUse | null;
  /** null when the sheet has no 开发商 column: an existing unit keeps its status, a new one is owned */
  holderStatus: HolderStatus | null;
  /** the areas the row gives; a source left empty keeps what is stored */
  areas: Record<AreaSource, number | null>;
  owners: RosterOwner[];
  /**
   * index into owners of the co-owner who votes (a single owner always votes); null = none named;
   * 'keep' = the sheet has no 表决人 column, so owners who stay keep their flag
   */
  voter: number | null | 'keep';
}

export interface ValidatorOptions {
  /** building names of the compound, as normaliseName() gives them */
  knownBuildings: ReadonlySet<string>;
  createBuildings: boolean;
  /** salted hash of a full 18-character ID number */
  hashId(full: string): string;
}

export interface ValidatedSheet {
  header: HeaderMap | null;
  units: RosterUnit[];
  problems: RosterProblem[];
  /** buildings the sheet names that the compound lacks (created only with createBuildings) */
  newBuildings: string[];
  /** data rows read, empty rows excluded */
  rows: number;
}

/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 10;
const areaFields = [['areaRegistered', 'registered'], ['areaSurveyed', 'surveyed'], ['areaContract', 'contract']] as const;

export class RosterValidator {
  private header: HeaderMap | null = null;
  /** a header with missing columns: rows are counted but not checked */
  private headerBroken = false;
  private readonly problems: RosterProblem[] = [];
  private readonly units: RosterUnit[] = [];
  private readonly seenUnits = new Map<string, { row: number; owners: string }>();
  private readonly phoneNames = new Map<string, { name: string; row: number }>();
  private readonly idNames = new Map<string, { name: string; row: number }>();
  private readonly newBuildings = new Set<string>();
  private rows = 0;
  private lastRow = 0;

  constructor(private readonly options: ValidatorOptions) {}

  /** Feeds one spreadsheet row; `row` is its number as the spreadsheet shows it. */
  push(row: number, cells: CellValue[]): void {
    this.lastRow = row;
    if (cells.every((c) => cellText(c) === '')) return;
    if (!this.header) {
      const texts = cells.map(cellText);
      if (looksLikeHeader(texts)) {
        const { header, problems } = resolveHeader(row, texts);
        this.header = header;
        this.problems.push(...problems);
        this.headerBroken = problems.length > 0;
      }
      return;
    }
    this.rows++;
    if (!this.headerBroken) this.checkRow(row, cells);
  }

  finish(): ValidatedSheet {
    if (!this.header) {
      this.problems.push(this.lastRow === 0
        ? { row: 0, column: '', message: 'the file has no rows' }
        : { row: 1, column: '', message: `no header row found in the first ${HEADER_SEARCH_ROWS} rows: it must name 楼栋 and 房号 (or building and unit number)` });
    }
    return { header: this.header, units: this.units, problems: this.problems, newBuildings: [...this.newBuildings], rows: this.rows };
  }

  /** True once the header search has given up, so a reader may stop early. */
  get hopeless(): boolean {
    return !this.header && this.lastRow >= HEADER_SEARCH_ROWS;
  }

  private checkRow(row: number, cells: CellValue[]) {
    const h = this.header!;
    const col = (f: RosterField) => h.label[f] ?? f;
    const has = (f: RosterField) => h.index[f] !== undefined;
    const cell = (f: RosterField): CellValue => (has(f) ? cells[h.index[f]!] ?? null : null);
    const problem = (f: RosterField, message: string) => this.problems.push({ row, column: col(f), message });
    const before = this.problems.length;

    const building = normaliseName(cell('building'));
    const number = normaliseName(cell('number'));
    if (!building) problem('building', 'is required');
    else if (!this.options.knownBuildings.has(building)) {
      if (this.options.createBuildings) this.newBuildings.add(building);
      else problem('building', `"${building}" is not a building of this compound; add it first, or import with createBuildings (--create-buildings)`);
    }
    if (!number) problem('number', 'is required');

    const use = parseUse(cell('use'));
    if (!use.ok) problem('use', use.message);
    const holder = parseDeveloper(cell('developer'));
    if (!holder.ok) problem('developer', holder.message);
    const areas = this.checkAreas(cell, problem);

    const owners = splitList(cell('owners'));
    if (!owners.length && (!holder.ok || holder.value === 'owned')) {
      problem('owners', "is required (for a developer's unsold or undelivered unit, fill 开发商 instead)");
    }
    if (owners.some((o) => !o)) problem('owners', `"${cellText(cell('owners'))}" has an empty name between separators`);
    const dupName = owners.find((o, i) => o && owners.indexOf(o) !== i);
    if (dupName) problem('owners', `names "${dupName}" twice`);
    const phones = this.slots('phones', cell('phones'), owners, problem);
    const ids = this.slots('idNumbers', cell('idNumbers'), owners, problem);

    const list: RosterOwner[] = owners.map((name) => ({ name, phone: null, idHash: null, idLast4: null }));
    phones.forEach((entry, i) => {
      if (entry === '') return;
      const p = parsePhone(String(entry));
      if (!p.ok) return problem('phones', p.message);
      list[i].phone = p.value;
      const seen = this.phoneNames.get(p.value);
      if (seen && seen.name !== list[i].name) problem('phones', `${p.value} is also given for ${seen.name} on row ${seen.row}`);
      else if (!seen) this.phoneNames.set(p.value, { name: list[i].name, row });
    });
    ids.forEach((raw, i) => {
      if (raw === '') return;
      const id = parseIdNumber(raw);
      if (!id.ok) return problem('idNumbers', id.message);
      list[i].idLast4 = id.value.last4;
      if (!id.value.full) return;
      const hash = this.options.hashId(id.value.full);
      list[i].idHash = hash;
      const seen = this.idNames.get(hash);
      if (seen && seen.name !== list[i].name) problem('idNumbers', `${maskIdNumber(id.value.full)} is also given for ${seen.name} on row ${seen.row}`);
      else if (!seen) this.idNames.set(hash, { name: list[i].name, row });
    });

    let voter: RosterUnit['voter'] = owners.length === 1 ? 0 : has('voter') ? null : 'keep';
    const voterName = cellText(cell('voter'));
    if (voterName) {
      const at = owners.indexOf(voterName);
      if (at < 0) problem('voter', `"${voterName}" is not one of the unit's owners (${owners.join('、') || 'none given'})`);
      else voter = at;
    }

    if (building && number) {
      const key = `${building}\u0000${number}`;
      const ownersKey = [...owners].sort().join('、');
      const seen = this.seenUnits.get(key);
      if (seen) {
        problem('number', `unit ${building} ${number} is already on row ${seen.row}`);
        if (seen.owners !== ownersKey) problem('owners', `differs from row ${seen.row} for the same unit (${seen.owners || 'none'} there, ${ownersKey || 'none'} here)`);
        return;
      }
      this.seenUnits.set(key, { row, owners: ownersKey });
    }
    if (this.problems.length > before || !use.ok || !holder.ok) return;
    this.units.push({
      row, building, number, areas, owners: list, voter,
      use: has('use') ? use.value : null,
      holderStatus: has('developer') ? holder.value : null,
    });
  }

  /** The areas by source, from 面积 + 面积来源 and from the separate 登记/实测/合同 columns. */
  private checkAreas(cell: (f: RosterField) => CellValue, problem: (f: RosterField, m: string) => void) {
    const areas: Record<AreaSource, number | null> = { registered: null, surveyed: null, contract: null };
    const h = this.header!;
    let bad = false;
    if (cellText(cell('area'))) {
      const area = parseArea(cell('area'));
      const source = cellText(cell('areaSource')) ? parseAreaSource(cell('areaSource')) : null;
      if (!area.ok) problem('area', area.message);
      if (!source) problem('areaSource', `is required when ${h.label.area} is given (不动产登记, 实测 or 合同)`);
      else if (!source.ok) problem('areaSource', source.message);
      if (area.ok && source?.ok) areas[source.value] = area.value;
      else bad = true;
    }
    for (const [field, source] of areaFields) {
      if (!cellText(cell(field))) continue;
      const area = parseArea(cell(field));
      if (!area.ok) {
        problem(field, area.message);
        bad = true;
      } else if (areas[source] !== null && areas[source] !== area.value) {
        problem(field, `"${cellText(cell(field))}" differs from ${h.label.area} for the same source`);
        bad = true;
      } else areas[source] = area.value;
    }
    if (!bad && areas.registered === null && areas.surveyed === null && areas.contract === null) {
      const first = (['area', 'areaRegistered', 'areaSurveyed', 'areaContract'] as const).find((f) => h.index[f] !== undefined)!;
      problem(first, 'is required: every unit needs an area (登记面积, 实测面积 or 合同面积, or 面积 with 面积来源)');
    }
    return areas;
  }

  /** A phone or ID cell holds one entry per owner, in the owners' order; empty slots are allowed. */
  private slots(field: 'phones' | 'idNumbers', value: CellValue, owners: string[], problem: (f: RosterField, m: string) => void) {
    // a number cell is one entry, kept as a number so an ID number Excel rounded can be recognised
    const entries: (string | number)[] = typeof value === 'number' ? [value] : splitList(value);
    if (!entries.length || entries.length === owners.length) return entries;
    const what = field === 'phones' ? 'phone number' : 'ID number';
    const n = entries.length;
    problem(field, `has ${n} ${what}${n === 1 ? '' : 's'} for ${owners.length} owner${owners.length === 1 ? '' : 's'}${owners.length ? ` (${owners.join('、')})` : ''}: give one per owner, in the same order, separated by 、 (an empty slot is allowed)`);
    return [];
  }
}
