import { personName } from './names.ts';
import type { CommunityDraft, CompoundDraft } from './places.ts';
import { addDays, dateBetween } from './random.ts';
import type { PersonRow, UnitRow } from './rows.ts';

/** Who lives where and owns what, kept for the organisations that are drawn from them. */
export interface Households {
  /** current units of each owner (person id → units) */
  unitsOf: Map<string, UnitRow[]>;
  /** voters of residential units, per compound: the owners' committee candidates */
  votersByCompound: Map<string, PersonRow[]>;
  /** people living in the community, per grid: the pool for Party members */
  occupantsByGrid: Map<string, PersonRow[]>;
  /** each occupant's grid */
  gridOf: Map<string, string>;
}

const LAST_DAY = '2026-10-31';

/**
 * Owners, co-owners, the developer's units, tenants and family members. About 15 % of owned
 * homes have two co-owners with one named voter; some owners hold a second home or a parking
 * space; the developer holds its unsold and undelivered units.
 */
export function generateHouseholds(d: CommunityDraft): Households {
  const { rng, rows, communityId } = d;
  const h: Households = { unitsOf: new Map(), votersByCompound: new Map(), occupantsByGrid: new Map(), gridOf: new Map() };

  const own = (unit: UnitRow, person: PersonRow, isVoter: boolean, since: string, until: string | null = null) => {
    rows.ownerships.push({ community_id: communityId, id: d.id('ownership'), unit_id: unit.id, person_id: person.id, is_voter: isVoter, since, until });
    if (until) return;
    const list = h.unitsOf.get(person.id);
    if (list) list.push(unit);
    else h.unitsOf.set(person.id, [unit]);
  };
  const live = (unit: UnitRow, person: PersonRow, relation: 'owner' | 'family' | 'tenant', since: string) => {
    rows.residents.push({ community_id: communityId, id: d.id('resident'), unit_id: unit.id, person_id: person.id, relation, since, until: null });
    const grid = d.gridOfBuilding.get(unit.building_id);
    if (!grid) return;
    h.gridOf.set(person.id, grid);
    const list = h.occupantsByGrid.get(grid);
    if (list) list.push(person);
    else h.occupantsByGrid.set(grid, [person]);
  };
  const rent = (unit: UnitRow) => {
    const since = dateBetween(rng, '2021-01-01', LAST_DAY);
    live(unit, d.person(personName(rng)), 'tenant', since);
    if (rng.chance(0.25)) live(unit, d.person(personName(rng)), 'tenant', since);
  };

  // the demo owners live in community 1's first compound: if chance has given it no co-owned
  // home or no second home by half-way, the next owned home is one, whatever the seed
  const demoCompound = d.plan.index === 1 ? d.compounds[0] : null;
  for (const c of d.compounds) {
    const voters: PersonRow[] = [];
    h.votersByCompound.set(c.id, voters);
    const handover = () => addDays(c.delivered, rng.int(0, 120));
    let coOwned = 0;
    let secondHomes = 0;
    for (const [k, unit] of c.residential.entries()) {
      if (unit.holder_status !== 'owned') {
        own(unit, c.developer, true, c.delivered);
        continue;
      }
      const late = c === demoCompound && k >= c.residential.length / 2;
      // a second home bought by an owner of this compound: let out or left empty
      if (voters.length > 20 && ((late && !secondHomes) || rng.chance(0.04))) {
        secondHomes++;
        const owner = rng.pick(voters);
        own(unit, owner, true, dateBetween(rng, c.delivered, LAST_DAY));
        if (rng.chance(0.5)) rent(unit);
        continue;
      }
      let since = handover();
      // about one home in six has changed hands; half of those keep the previous owner on record
      if (rng.chance(0.18)) {
        const resold = dateBetween(rng, addDays(c.delivered, 365), LAST_DAY);
        if (resold > since) {
          if (rng.chance(0.5)) own(unit, d.person(personName(rng)), true, since, resold);
          since = resold;
        }
      }
      const owner = d.person(personName(rng));
      const coOwner = (late && !coOwned) || rng.chance(0.15) ? d.person(personName(rng)) : null;
      if (coOwner) coOwned++;
      const ownerVotes = !coOwner || rng.chance(0.5);
      own(unit, owner, ownerVotes, since);
      if (coOwner) own(unit, coOwner, !ownerVotes, since);
      voters.push(ownerVotes ? owner : coOwner!);
      const r = rng.float();
      if (r < 0.72) {
        live(unit, owner, 'owner', since);
        if (coOwner) live(unit, coOwner, 'owner', since);
        if (rng.chance(0.3)) live(unit, d.person(personName(rng), { withPhone: rng.chance(0.6) }), 'family', since);
      } else if (r < 0.86) rent(unit);
    }
    ownOtherUnits(d, c, voters, own);
  }
  return h;
}

/** Shops go to new owners (some to the developer); parking spaces mostly to the compound's home owners. */
function ownOtherUnits(
  d: CommunityDraft,
  c: CompoundDraft,
  voters: PersonRow[],
  own: (unit: UnitRow, person: PersonRow, isVoter: boolean, since: string) => void,
) {
  const { rng } = d;
  for (const unit of c.commercial) {
    own(unit, unit.holder_status === 'owned' ? d.person(personName(rng)) : c.developer, true, c.delivered);
  }
  for (const unit of c.parking) {
    if (unit.holder_status !== 'owned') own(unit, c.developer, true, c.delivered);
    else own(unit, voters.length && rng.chance(0.8) ? rng.pick(voters) : d.person(personName(rng)), true, dateBetween(rng, c.delivered, LAST_DAY));
  }
}
