import type { Role } from '../../contracts/accounts.ts';
import { DEMO_STAFF_PASSWORD, type DemoAccount } from '../../contracts/demo.ts';
import { createUser } from '../modules/accounts/index.ts';
import { systemActor } from '../platform/actor.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { generateCommunity, type DemoOwner, type GeneratedCommunity } from './generate.ts';
import { personName } from './names.ts';
import { planDistrict, type DemoSize, type DistrictPlan } from './plan.ts';
import { Rng } from './random.ts';

/** A demo login: staff accounts are created with their grants; owners need only their phone. */
export interface DemoAccountSpec extends DemoAccount {
  staff: { displayName: string; phone: string | null; grants: { role: Role; scopeId: string }[] } | null;
}

function ownerNote(kind: string, owner: DemoOwner, community: GeneratedCommunity): string {
  const buildingName = new Map(community.rows.buildings.map((b) => [b.id, b.name]));
  const units = owner.units.map((u) => `${buildingName.get(u.building_id)} ${u.number}`).join(', ');
  return `${kind} in ${owner.compoundName} (${community.plan.name}): ${units}; one-time code`;
}

/**
 * The demo's logins, modelled on people of communities 1 and 2: the community staff login is
 * the residents' committee chair, the grid worker and owners' committee logins are the
 * registry's grid worker and committee chair (same name and phone).
 */
export function demoAccountSpecs(plan: DistrictPlan, c1: GeneratedCommunity, c2: GeneratedCommunity): DemoAccountSpec[] {
  const rng = Rng.for(plan.seed, `${plan.size}/accounts`);
  const compound = c1.compounds[0];
  const chair = c1.figures.committeeChairs.get(compound.id);
  const companyId = c1.figures.companyOf.get(compound.id)!;
  const company = plan.companies.find((c) => c.id === companyId)!;
  const grid = c1.rows.grids[0];
  const worker = c1.figures.gridWorkers[0];
  const street = plan.streets[0];
  const staff = (role: Role, scopeId: string, displayName: string, phone: string | null = null) => ({ displayName, phone, grants: [{ role, scopeId }] });
  const owners = c1.demoOwners!;
  if (!chair) throw new Error('demo: the first compound of community 1 has no owners\' committee');
  return [
    { role: 'district_admin', login: 'admin', note: `district admin of ${plan.district.name}`, staff: staff('district_admin', plan.district.id, `${plan.district.name}管理员`) },
    { role: 'street_admin', login: 'street1', note: `street admin of ${street.name}`, staff: staff('street_admin', street.id, `${street.name}管理员 ${personName(rng)}`) },
    ...[c1, c2].map((c, i) => ({
      role: 'community_staff',
      login: `community${i + 1}`,
      note: `community staff of ${c.plan.name} (${c.plan.code}), residents' committee chair ${c.figures.residentsCommitteeChair.name}`,
      staff: staff('community_staff', c.plan.id, c.figures.residentsCommitteeChair.name, c.figures.residentsCommitteeChair.phone),
    })),
    { role: 'grid_worker', login: 'grid1', note: `grid worker ${worker.name} of ${c1.plan.name} ${grid.name}`, staff: staff('grid_worker', grid.id, worker.name, worker.phone) },
    { role: 'owners_committee', login: 'committee1', note: `owners' committee chair ${chair.name} of ${compound.name} (${c1.plan.name})`, staff: staff('owners_committee', compound.id, chair.name, chair.phone) },
    { role: 'property_staff', login: 'property1', note: `property staff of ${company.name}, which manages ${compound.name}`, staff: staff('property_staff', company.id, `${company.name.slice(0, 4)}物业 ${personName(rng)}`) },
    { role: 'owner', login: owners.coOwner.phone, note: ownerNote(`co-owner and named voter ${owners.coOwner.person.name}`, owners.coOwner, c1), staff: null },
    { role: 'owner', login: owners.multiUnit.phone, note: ownerNote(`owner ${owners.multiUnit.person.name} of ${owners.multiUnit.units.length} units`, owners.multiUnit, c1), staff: null },
  ];
}

/** The specs for a demo that has not been generated yet (communities 1 and 2 are generated in memory). */
export function demoAccountSpecsFor(size: DemoSize, seed: number): DemoAccountSpec[] {
  const plan = planDistrict(size, seed);
  return demoAccountSpecs(plan, generateCommunity(plan, plan.communities[0]), generateCommunity(plan, plan.communities[1]));
}

/** Creates the staff accounts that do not exist yet (a resumed load may have made some). */
export async function ensureDemoAccounts(db: Db, specs: DemoAccountSpec[], actorLabel: string): Promise<number> {
  let created = 0;
  for (const spec of specs) {
    if (!spec.staff) continue;
    try {
      await createUser({ db, actor: systemActor(actorLabel) }, { username: spec.login, password: DEMO_STAFF_PASSWORD, ...spec.staff });
      created++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'duplicate')) throw e;
    }
  }
  return created;
}
