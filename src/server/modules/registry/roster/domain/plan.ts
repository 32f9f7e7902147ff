import type { RosterCounts, RosterProblem } from '../../../../../contracts/roster.ts';
import type { AreaSource, HolderStatus, UnitUse } from './cells.ts';
import type { RosterOwner, RosterUnit, ValidatedSheet } from './rows.ts';

// Pure: compares a checked sheet with what the registry holds for the compound and lists the
// writes that make the registry match it. Units are matched by (building, number); people within
// the community by ID hash, else by name and phone, else, for a unit's existing owners, by name.
// Nothing is ever deleted: units missing from the sheet stay, and an owner who leaves a unit has
// their ownership closed (until = today), not removed.

export interface ExistingPerson {
  id: string;
  name: string;
  phone: string | null;
  idHash: string | null;
  idLast4: string | null;
  isDeveloper: boolean;
}

export interface ExistingUnit {
  id: string;
  use: UnitUse;
  holderStatus: HolderStatus;
  areas: Record<AreaSource, number | null>;
  owners: { ownershipId: string; personId: string; isVoter: boolean }[];
}

export interface RegistryState {
  /** building name (normalised) → id */
  buildings: Map<string, string>;
  /** unitKey(building, number) → unit */
  units: Map<string, ExistingUnit>;
  /** every person of the community */
  people: ExistingPerson[];
}

export const unitKey = (building: string, number: string) => `${building}\u0000${number}`;

export interface NewPerson extends ExistingPerson {
  kind: 'person' | 'organisation';
}

export interface RosterPlan {
  buildings: { id: string; name: string }[];
  people: NewPerson[];
  /** matched people whose missing phone, ID hash or last four the sheet fills in */
  personUpdates: ExistingPerson[];
  unitInserts: { id: string; buildingId: string; number: string; use: UnitUse; holderStatus: HolderStatus; areas: Record<AreaSource, number | null> }[];
  unitUpdates: { id: string; use: UnitUse; holderStatus: HolderStatus; areas: Record<AreaSource, number | null> }[];
  ownershipCloses: string[];
  voterUpdates: { ownershipId: string; isVoter: boolean }[];
  ownershipInserts: { unitId: string; personId: string; isVoter: boolean }[];
  problems: RosterProblem[];
  counts: RosterCounts;
}

const sources: AreaSource[] = ['registered', 'surveyed', 'contract'];

/** Two records may be one person unless they carry different ID numbers. */
const compatible = (p: ExistingPerson, o: RosterOwner) =>
  !(p.idHash && o.idHash && p.idHash !== o.idHash) && !(p.idLast4 && o.idLast4 && p.idLast4 !== o.idLast4);

type SheetPart = Pick<ValidatedSheet, 'newBuildings' | 'rows' | 'header'>;

/**
 * Builds the plan in steps, so that a caller on the main thread can pause between chunks of a large
 * sheet: first `indexing()` (the community's people), then `add()` per unit, then `finish()`.
 * planRoster() does it all in one go.
 */
export class RosterPlanner {
  private readonly plan: RosterPlan;
  private readonly buildingIds: Map<string, string>;
  private readonly people = new PeopleIndex();
  private indexed = false;
  private readonly updated = new Map<string, ExistingPerson>();
  private readonly seenUnits = new Set<string>();

  constructor(private readonly sheet: SheetPart, private readonly state: RegistryState, private readonly newId: () => string) {
    this.plan = {
      buildings: [], people: [], personUpdates: [], unitInserts: [], unitUpdates: [],
      ownershipCloses: [], voterUpdates: [], ownershipInserts: [], problems: [],
      counts: {
        rows: sheet.rows, buildingsCreated: 0, unitsCreated: 0, unitsUpdated: 0, unitsUnchanged: 0, unitsNotInSheet: 0,
        peopleCreated: 0, peopleUpdated: 0, ownershipsOpened: 0, ownershipsClosed: 0, votersChanged: 0,
      },
    };
    this.buildingIds = new Map(state.buildings);
    for (const name of sheet.newBuildings) {
      if (this.buildingIds.has(name)) continue;
      const id = newId();
      this.buildingIds.set(name, id);
      this.plan.buildings.push({ id, name });
    }
  }

  /** Indexes the registry's people, yielding after every few thousand. */
  *indexing(): Generator<void> {
    const list = this.state.people;
    for (let i = 0; i < list.length; i++) {
      this.people.addExisting(list[i]);
      if ((i + 1) % 5000 === 0) yield;
    }
    this.indexed = true;
  }

  private label(f: 'building' | 'idNumbers') {
    return this.sheet.header?.label[f] ?? f;
  }

  add(row: RosterUnit): void {
    if (!this.indexed) throw new Error('RosterPlanner.add() before indexing() has run');
    const { plan, people } = this;
    const key = unitKey(row.building, row.number);
    const existing = this.state.units.get(key);
    this.seenUnits.add(key);
    const developer = (row.holderStatus ?? existing?.holderStatus ?? 'owned') !== 'owned';

    const personIds: string[] = [];
    const currentOwners = (existing?.owners ?? []).map((o) => people.byId.get(o.personId)).filter((p) => p !== undefined);
    for (const owner of row.owners) {
      let person = people.match(owner, currentOwners, developer);
      if (person && person.name !== owner.name) {
        plan.problems.push({ row: row.row, column: this.label('idNumbers'), message: `the ID number of ${owner.name} belongs to ${person.name} in the registry` });
        continue;
      }
      if (!person) {
        const created: NewPerson = {
          id: this.newId(), name: owner.name, phone: owner.phone, idHash: owner.idHash, idLast4: owner.idLast4,
          isDeveloper: developer, kind: developer ? 'organisation' : 'person',
        };
        plan.people.push(created);
        people.add(created);
        person = created;
      } else if (fillMissing(person, owner)) {
        people.reindex(person);
        if (!people.isNew(person.id)) this.updated.set(person.id, person);
      }
      if (!personIds.includes(person.id)) personIds.push(person.id);
    }

    let unitId: string;
    const use = row.use ?? existing?.use ?? 'residential';
    const holderStatus = row.holderStatus ?? existing?.holderStatus ?? 'owned';
    const areas = { ...(existing?.areas ?? { registered: null, surveyed: null, contract: null }) };
    for (const s of sources) if (row.areas[s] !== null) areas[s] = row.areas[s];
    if (!existing) {
      const buildingId = this.buildingIds.get(row.building);
      if (!buildingId) {
        plan.problems.push({ row: row.row, column: this.label('building'), message: `"${row.building}" is not a building of this compound` });
        return;
      }
      unitId = this.newId();
      plan.unitInserts.push({ id: unitId, buildingId, number: row.number, use, holderStatus, areas });
      plan.counts.unitsCreated++;
    } else {
      unitId = existing.id;
      const changed = use !== existing.use || holderStatus !== existing.holderStatus || sources.some((s) => areas[s] !== existing.areas[s]);
      if (changed) plan.unitUpdates.push({ id: unitId, use, holderStatus, areas });
      plan.counts[changed ? 'unitsUpdated' : 'unitsUnchanged']++;
    }

    const current = new Map((existing?.owners ?? []).map((o) => [o.personId, o]));
    personIds.forEach((personId, i) => {
      const stays = current.get(personId);
      if (!stays) {
        plan.ownershipInserts.push({ unitId, personId, isVoter: row.voter === i });
        return;
      }
      if (row.voter !== 'keep' && stays.isVoter !== (row.voter === i)) plan.voterUpdates.push({ ownershipId: stays.ownershipId, isVoter: row.voter === i });
    });
    for (const [personId, o] of current) if (!personIds.includes(personId)) plan.ownershipCloses.push(o.ownershipId);
  }

  finish(): RosterPlan {
    const { plan } = this;
    plan.personUpdates = [...this.updated.values()];
    plan.counts.buildingsCreated = plan.buildings.length;
    plan.counts.unitsNotInSheet = [...this.state.units.keys()].filter((k) => !this.seenUnits.has(k)).length;
    plan.counts.peopleCreated = plan.people.length;
    plan.counts.peopleUpdated = plan.personUpdates.length;
    plan.counts.ownershipsOpened = plan.ownershipInserts.length;
    plan.counts.ownershipsClosed = plan.ownershipCloses.length;
    plan.counts.votersChanged = plan.voterUpdates.length;
    return plan;
  }
}

export function planRoster(sheet: SheetPart & Pick<ValidatedSheet, 'units'>, state: RegistryState, newId: () => string): RosterPlan {
  const planner = new RosterPlanner(sheet, state, newId);
  for (const _ of planner.indexing()) void _;
  for (const row of sheet.units) planner.add(row);
  return planner.finish();
}

/** Copies a phone, ID hash or last four the person lacks; never overwrites. True if anything changed. */
function fillMissing(person: ExistingPerson, owner: RosterOwner): boolean {
  let changed = false;
  if (!person.phone && owner.phone) (person.phone = owner.phone), (changed = true);
  if (!person.idHash && owner.idHash) (person.idHash = owner.idHash), (changed = true);
  if (!person.idLast4 && owner.idLast4) (person.idLast4 = owner.idLast4), (changed = true);
  return changed;
}

/** The community's people, looked up the three ways the import matches them. */
class PeopleIndex {
  readonly byId = new Map<string, ExistingPerson>();
  private readonly byHash = new Map<string, ExistingPerson>();
  private readonly byNamePhone = new Map<string, ExistingPerson[]>();
  private readonly developers = new Map<string, ExistingPerson[]>();
  private readonly created = new Set<string>();

  /** A person of the registry; copied, since filling in a missing phone must not touch the caller's rows. */
  addExisting(p: ExistingPerson) {
    this.index({ ...p });
  }

  add(person: ExistingPerson) {
    this.created.add(person.id);
    this.index(person);
  }

  isNew = (id: string) => this.created.has(id);

  /** After fillMissing gave a person a phone or ID hash, later rows find them by it. */
  reindex(person: ExistingPerson) {
    if (person.idHash && !this.byHash.has(person.idHash)) this.byHash.set(person.idHash, person);
    const key = person.phone ? `${person.name}\u0000${person.phone}` : null;
    if (key && !this.byNamePhone.get(key)?.includes(person)) push(this.byNamePhone, key, person);
  }

  /** By ID hash; else by name and phone; else among the unit's current owners (or the developers) by name. */
  match(owner: RosterOwner, currentOwners: ExistingPerson[], developer: boolean): ExistingPerson | null {
    if (owner.idHash) {
      const hit = this.byHash.get(owner.idHash);
      if (hit) return hit;
    }
    const pick = (list: ExistingPerson[] | undefined) => list?.find((p) => p.name === owner.name && compatible(p, owner)) ?? null;
    if (owner.phone) {
      const hit = pick(this.byNamePhone.get(`${owner.name}\u0000${owner.phone}`));
      if (hit) return hit;
    }
    const hit = pick(currentOwners.map((p) => this.byId.get(p.id)!));
    if (hit) return hit;
    return developer ? pick(this.developers.get(owner.name)) : null;
  }

  private index(p: ExistingPerson) {
    this.byId.set(p.id, p);
    if (p.idHash && !this.byHash.has(p.idHash)) this.byHash.set(p.idHash, p);
    if (p.phone) push(this.byNamePhone, `${p.name}\u0000${p.phone}`, p);
    if (p.isDeveloper) push(this.developers, p.name, p);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
