import { generateHouseholds } from './households.ts';
import { generateOrganisations, type CommunityFigures } from './organisations.ts';
import { CommunityDraft, generatePlaces } from './places.ts';
import type { CommunityPlan, DistrictPlan } from './plan.ts';
import type { CommunityRows, PersonRow, UnitRow } from './rows.ts';

/** The two owners who log in with a one-time code; fixed numbers, outside the random phones. */
export const DEMO_OWNER_PHONES = { coOwner: '13900000001', multiUnit: '13900000002' } as const;

export interface DemoOwner {
  phone: string;
  person: PersonRow;
  units: UnitRow[];
  compoundName: string;
}

export interface GeneratedCommunity {
  plan: CommunityPlan;
  rows: CommunityRows;
  figures: CommunityFigures;
  compounds: { id: string; name: string }[];
  /** community 1 only: the co-owner and the multi-unit owner */
  demoOwners: { coOwner: DemoOwner; multiUnit: DemoOwner } | null;
}

/** Generates every row of one community. Pure and deterministic: same plan, same rows. */
export function generateCommunity(district: DistrictPlan, plan: CommunityPlan): GeneratedCommunity {
  const d = new CommunityDraft(district, plan);
  d.rows.communities.push({
    id: plan.id,
    street_id: plan.streetId,
    district_id: plan.districtId,
    code: plan.code,
    name: plan.name,
    address: plan.address,
    area_m2: plan.areaM2,
    population_recorded: plan.populationRecorded,
    social_workers_recorded: plan.socialWorkersRecorded,
  });
  generatePlaces(d);
  const households = generateHouseholds(d);
  const figures = generateOrganisations(d, households);
  const demoOwners = plan.index === 1 ? pickDemoOwners(d, households.unitsOf) : null;
  return { plan, rows: d.rows, figures, compounds: d.compounds.map((c) => ({ id: c.id, name: c.name })), demoOwners };
}

/**
 * In the first compound: the named voter of a co-owned home who owns nothing else, and the
 * owner with the most units. Their phones are replaced by the fixed demo numbers.
 */
function pickDemoOwners(d: CommunityDraft, unitsOf: Map<string, UnitRow[]>): GeneratedCommunity['demoOwners'] {
  const compound = d.compounds[0];
  const inCompound = new Set([...compound.residential, ...compound.commercial, ...compound.parking].map((u) => u.id));
  const current = d.rows.ownerships.filter((o) => o.until === null && inCompound.has(o.unit_id));
  const holders = new Map<string, number>();
  for (const o of current) holders.set(o.unit_id, (holders.get(o.unit_id) ?? 0) + 1);
  const person = new Map(d.rows.people.map((p) => [p.id, p]));

  const coOwned = current.find((o) => o.is_voter && holders.get(o.unit_id) === 2 && unitsOf.get(o.person_id)?.length === 1);
  let multi: PersonRow | null = null;
  for (const [id, units] of unitsOf) {
    const p = person.get(id)!;
    if (p.is_developer || !units.every((u) => inCompound.has(u.id)) || units.length < 2) continue;
    if (!multi || units.length > unitsOf.get(multi.id)!.length) multi = p;
  }
  if (!coOwned || !multi) throw new Error(`demo: community 1's first compound has no co-owned home or multi-unit owner (seed ${d.district.seed})`);
  const coOwner = person.get(coOwned.person_id)!;
  coOwner.phone = DEMO_OWNER_PHONES.coOwner;
  multi.phone = DEMO_OWNER_PHONES.multiUnit;
  return {
    coOwner: { phone: coOwner.phone, person: coOwner, units: unitsOf.get(coOwner.id)!, compoundName: compound.name },
    multiUnit: { phone: multi.phone, person: multi, units: unitsOf.get(multi.id)!, compoundName: compound.name },
  };
}
