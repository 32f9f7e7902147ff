import { compoundName, developerName, idLast4, phoneFor, roadAddress } from './names.ts';
import type { CommunityPlan, DistrictPlan } from './plan.ts';
import { Rng, dateBetween, demoUuid } from './random.ts';
import { emptyCommunityRows, type BuildingRow, type HolderStatus, type PersonRow, type UnitRow, type UnitUse } from './rows.ts';

/** One community being generated: its rows, its PRNG, and the ids and phones it hands out. */
export class CommunityDraft {
  readonly rows = emptyCommunityRows();
  readonly rng: Rng;
  readonly communityId: string;
  readonly compounds: CompoundDraft[] = [];
  /** each building's grid, for grid workers and Party branches */
  readonly gridOfBuilding = new Map<string, string>();
  private people = 0;
  private readonly counters = new Map<string, number>();

  constructor(readonly district: DistrictPlan, readonly plan: CommunityPlan) {
    this.rng = Rng.for(district.seed, `${district.size}/c${plan.index}/rows`);
    this.communityId = plan.id;
  }

  /** A reproducible id: the n-th row of this kind in this community. */
  id(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return demoUuid(this.district.seed, `${this.district.size}/c${this.plan.index}/${kind}/${n}`);
  }

  /** A new person (or organisation) with a district-wide unique phone unless withPhone is false. */
  person(name: string, opts: { kind?: 'person' | 'organisation'; withPhone?: boolean; developer?: boolean } = {}): PersonRow {
    const n = this.plan.index * 100_000 + ++this.people;
    const kind = opts.kind ?? 'person';
    const row: PersonRow = {
      community_id: this.communityId,
      id: this.id('person'),
      kind,
      name,
      phone: opts.withPhone === false ? null : phoneFor(n, this.district.seed),
      id_hash: null,
      id_last4: kind === 'person' ? idLast4(this.rng) : null,
      is_developer: opts.developer ?? false,
      party_member: false,
    };
    this.rows.people.push(row);
    return row;
  }
}

export interface CompoundDraft {
  id: string;
  name: string;
  builtYear: number;
  /** when the developer handed the units over */
  delivered: string;
  developer: PersonRow;
  residential: UnitRow[];
  commercial: UnitRow[];
  parking: UnitRow[];
}

/** Splits a community's households into compounds of the profile's size range. */
function compoundSizes(rng: Rng, total: number, [min, max]: [number, number]): number[] {
  const sizes: number[] = [];
  let remaining = total;
  while (remaining > max) {
    const size = rng.int(min, Math.min(max, remaining - min));
    sizes.push(size);
    remaining -= size;
  }
  sizes.push(remaining);
  return sizes;
}

/** Area sources as owners-vote.md §3.1 ranks them: most units registered, some surveyed or by contract only. */
function areas(rng: Rng, use: UnitUse, status: HolderStatus, planCenti: number) {
  const a = { area_registered_centi: null as number | null, area_surveyed_centi: null as number | null, area_contract_centi: null as number | null };
  const wobble = () => planCenti + rng.int(-60, 60);
  if (status === 'sold_not_delivered') a.area_contract_centi = planCenti;
  else if (status === 'developer_unsold') a.area_surveyed_centi = wobble();
  else {
    const r = rng.float();
    const registered = use === 'parking' ? 0.6 : 0.85;
    if (r < registered) {
      a.area_registered_centi = wobble();
      if (rng.chance(0.3)) a.area_contract_centi = planCenti;
    } else if (r < registered + (use === 'parking' ? 0.3 : 0.1)) {
      a.area_surveyed_centi = wobble();
      a.area_contract_centi = planCenti;
    } else a.area_contract_centi = planCenti;
  }
  return a;
}

/** Compounds, buildings and units, with each building placed in a grid. */
export function generatePlaces(d: CommunityDraft): void {
  const { rng, rows, communityId } = d;
  const taken = new Set<string>();
  const residentialBuildings: BuildingRow[] = [];
  const sizes = compoundSizes(rng, d.plan.residentialTarget, d.district.profile.residentialPerCompound);
  sizes.forEach((size, ci) => {
    const compoundId = d.id('compound');
    const name = compoundName(rng, taken);
    const highRise = rng.chance(0.7);
    const builtYear = highRise ? rng.int(2005, 2023) : rng.int(1995, 2012);
    const delivered = dateBetween(rng, `${builtYear}-03-01`, `${builtYear}-12-20`);
    rows.compounds.push({ community_id: communityId, id: compoundId, code: `XQ${String(ci + 1).padStart(2, '0')}`, name, address: roadAddress(rng), parking_in_voting_area: rng.chance(0.2) });
    const developer = d.person(developerName(name), { kind: 'organisation', developer: true });
    const compound: CompoundDraft = { id: compoundId, name, builtYear, delivered, developer, residential: [], commercial: [], parking: [] };
    d.compounds.push(compound);
    // newer compounds still hold more unsold and undelivered units
    const unsold = builtYear >= 2018 ? 0.03 : 0.01;
    const undelivered = builtYear >= 2018 ? 0.04 : 0.005;
    const statusOf = (use: UnitUse): HolderStatus => {
      const r = rng.float();
      if (use === 'parking') return r < 0.25 ? 'developer_unsold' : 'owned';
      if (use === 'commercial') return r < 0.12 ? 'developer_unsold' : 'owned';
      return r < unsold ? 'developer_unsold' : r < unsold + undelivered ? 'sold_not_delivered' : 'owned';
    };
    const building = (bname: string): BuildingRow => {
      const b: BuildingRow = { community_id: communityId, id: d.id('building'), compound_id: compoundId, grid_id: null, name: bname };
      rows.buildings.push(b);
      return b;
    };
    const unit = (b: BuildingRow, number: string, use: UnitUse, planCenti: number, into: UnitRow[]) => {
      const status = statusOf(use);
      const u: UnitRow = { community_id: communityId, id: d.id('unit'), compound_id: compoundId, building_id: b.id, number, use, holder_status: status, ...areas(rng, use, status, planCenti) };
      rows.units.push(u);
      into.push(u);
    };

    // residential buildings: high-rise 18–33 floors × 2–4 units a floor, or low-rise walk-ups
    // of 5–7 floors with 2–4 entrances; the last building stops where the compound is full
    for (let bn = 1; compound.residential.length < size; bn++) {
      const b = building(`${bn}${highRise ? '栋' : '幢'}`);
      residentialBuildings.push(b);
      const floors = highRise ? rng.int(18, 33) : rng.int(5, 7);
      const perFloor = highRise ? rng.int(2, 4) : 2;
      const entrances = highRise ? 1 : rng.int(2, 4);
      const [lo, hi] = !highRise ? [55, 110] : perFloor === 2 ? [120, 180] : perFloor === 3 ? [90, 140] : [60, 120];
      const plan = Array.from({ length: perFloor }, () => rng.int(lo * 100, hi * 100));
      fill: for (let e = 1; e <= entrances; e++) {
        for (let f = 1; f <= floors; f++) {
          for (let p = 1; p <= perFloor; p++) {
            if (compound.residential.length >= size) break fill;
            const number = `${highRise ? '' : `${e}-`}${f}${String(p).padStart(2, '0')}`;
            unit(b, number, 'residential', plan[p - 1], compound.residential);
          }
        }
      }
    }
    const shops = Math.round(size * rng.float() * 0.03);
    if (shops) {
      const b = building('商铺');
      for (let i = 1; i <= shops; i++) unit(b, `S${String(i).padStart(3, '0')}`, 'commercial', rng.int(3000, 30000), compound.commercial);
    }
    if (rng.chance(0.65)) {
      const b = building('地下车库');
      const spaces = Math.round(size * (0.05 + rng.float() * 0.07));
      for (let i = 1; i <= spaces; i++) unit(b, `B1-${String(i).padStart(3, '0')}`, 'parking', rng.int(1200, 1650), compound.parking);
    }
  });

  // grids: consecutive residential buildings in equal shares; shops and car parks join the
  // grid of their compound's first building
  const gridIds = Array.from({ length: d.plan.grids }, (_, i) => {
    const id = d.id('grid');
    rows.grids.push({ community_id: communityId, id, code: `WG${String(i + 1).padStart(2, '0')}`, name: `第${i + 1}网格`, worker_person_id: null });
    return id;
  });
  residentialBuildings.forEach((b, i) => {
    b.grid_id = gridIds[Math.min(gridIds.length - 1, Math.floor((i * gridIds.length) / residentialBuildings.length))];
  });
  const firstGrid = new Map<string, string | null>();
  for (const b of residentialBuildings) if (!firstGrid.has(b.compound_id)) firstGrid.set(b.compound_id, b.grid_id);
  for (const b of rows.buildings) {
    b.grid_id ??= firstGrid.get(b.compound_id) ?? null;
    if (b.grid_id) d.gridOfBuilding.set(b.id, b.grid_id);
  }
}
