import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/contracts/accounts.ts';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import * as policy from '../../../src/server/modules/registry/registry.policy.ts';

// The registry policy on hand-built scopes: the same role × object table as the integration
// matrix, without a database, so every branch is visible at a glance.

const C = 'community-1';
const OTHER = 'community-2';
const compound = { id: 'compound-1', communityId: C };
const otherCompound = { id: 'compound-2', communityId: C };
const unitInGrid1 = { id: 'unit-1', communityId: C, compoundId: compound.id, gridId: 'grid-1' };
const unitInGrid2 = { id: 'unit-2', communityId: C, compoundId: compound.id, gridId: 'grid-2' };
const unitNoGrid = { id: 'unit-3', communityId: C, compoundId: compound.id, gridId: null };

function staff(role: Role, build: (s: ReturnType<typeof emptyScope>) => void, scopeId = 'x'): Actor {
  const scope = emptyScope();
  build(scope);
  return { kind: 'staff', userId: 'u', username: role, displayName: role, grants: [{ role, scopeId }], scope };
}

const actors: Record<string, Actor> = {
  district: staff('district_admin', (s) => { s.districts.add('d'); s.communities.set(C, new Set(['district_admin'])); }, 'd'),
  street: staff('street_admin', (s) => s.communities.set(C, new Set(['street_admin'])), 'street-1'),
  communityStaff: staff('community_staff', (s) => s.communities.set(C, new Set(['community_staff']))),
  gridWorker: staff('grid_worker', (s) => {
    s.grids.set('grid-1', C);
    s.compounds.set(compound.id, { communityId: C, roles: new Set(['grid_worker']) });
  }),
  committee: staff('owners_committee', (s) => s.compounds.set(compound.id, { communityId: C, roles: new Set(['owners_committee']) })),
  property: staff('property_staff', (s) => s.compounds.set(compound.id, { communityId: C, roles: new Set(['property_staff']) })),
  owner: { kind: 'owner', phone: '13800000001', personIds: ['p'], scope: { ...emptyScope(), ownUnits: new Map([[unitInGrid1.id, C]]) } },
  otherStaff: staff('community_staff', (s) => s.communities.set(OTHER, new Set(['community_staff']))),
  system: systemActor(),
};

type Row = [string, (a: Actor) => boolean, Record<string, boolean>];
const T = true;
const F = false;
const table: Row[] = [
  //                                                  district street staff grid  cttee prop  owner other system
  ['read community', (a) => policy.canReadCommunity(a, C), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: T }],
  ['manage community', (a) => policy.canManageCommunity(a, C), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: T }],
  ['read compound', (a) => policy.canReadCompound(a, compound), { district: T, street: T, communityStaff: T, gridWorker: T, committee: T, property: T, owner: F, otherStaff: F, system: T }],
  ['read other compound', (a) => policy.canReadCompound(a, otherCompound), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: T }],
  ['read unit in grid 1', (a) => policy.canReadUnit(a, unitInGrid1), { district: T, street: T, communityStaff: T, gridWorker: T, committee: T, property: T, owner: T, otherStaff: F, system: T }],
  ['read unit in grid 2', (a) => policy.canReadUnit(a, unitInGrid2), { district: T, street: T, communityStaff: T, gridWorker: F, committee: T, property: T, owner: F, otherStaff: F, system: T }],
  ['read unit in no grid', (a) => policy.canReadUnit(a, unitNoGrid), { district: T, street: T, communityStaff: T, gridWorker: F, committee: T, property: T, owner: F, otherStaff: F, system: T }],
  ['change ownership', (a) => policy.canChangeOwnership(a, unitInGrid1), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: F, owner: F, otherStaff: F, system: T }],
  ['import roster', (a) => policy.canImportRoster(a, compound), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: T, owner: F, otherStaff: F, system: T }],
  ['export roster', (a) => policy.canExportRoster(a, compound), { district: T, street: T, communityStaff: T, gridWorker: F, committee: F, property: T, owner: F, otherStaff: F, system: T }],
  ['see phones in compound', (a) => policy.canSeePhonesInCompound(a, compound), { district: F, street: F, communityStaff: T, gridWorker: T, committee: F, property: T, owner: F, otherStaff: F, system: T }],
  ['see phones of unit in grid 1', (a) => policy.canSeePhonesOfUnit(a, unitInGrid1), { district: F, street: F, communityStaff: T, gridWorker: T, committee: F, property: T, owner: F, otherStaff: F, system: T }],
  ['see phones of unit in grid 2', (a) => policy.canSeePhonesOfUnit(a, unitInGrid2), { district: F, street: F, communityStaff: T, gridWorker: F, committee: F, property: T, owner: F, otherStaff: F, system: T }],
  ['see ID last 4', (a) => policy.canSeeIdLast4(a), { district: T, street: T, communityStaff: T, gridWorker: T, committee: T, property: T, owner: F, otherStaff: T, system: T }],
  ['list own units', (a) => policy.canListOwnUnits(a), { district: F, street: F, communityStaff: F, gridWorker: F, committee: F, property: F, owner: T, otherStaff: F, system: F }],
  ['place tree reaches community', (a) => policy.reachesCommunity(a, C), { district: T, street: T, communityStaff: T, gridWorker: T, committee: T, property: T, owner: F, otherStaff: F, system: T }],
];

describe.each(table)('%s', (_ability, can, expected) => {
  it.each(Object.entries(expected))('%s → %s', (name, allowed) => {
    expect(can(actors[name])).toBe(allowed);
  });
});

describe('places', () => {
  it('a street admin oversees their street, a district admin every street of the district', () => {
    const street = { id: 'street-1', districtId: 'd' };
    expect(policy.canOverseeStreet(actors.street, street)).toBe(true);
    expect(policy.canOverseeStreet(actors.street, { id: 'street-2', districtId: 'd' })).toBe(false);
    expect(policy.canOverseeStreet(actors.district, { id: 'street-2', districtId: 'd' })).toBe(true);
    expect(policy.canOverseeDistrict(actors.street, 'd')).toBe(false);
  });
});

describe('phones', () => {
  it('masks unless allowed', () => {
    expect(policy.shownPhone('13800000001', true)).toBe('13800000001');
    expect(policy.shownPhone('13800000001', false)).toBe('138****0001');
    expect(policy.shownPhone(null, false)).toBeNull();
  });
});

describe('list filters', () => {
  it('keeps the communities the actor reads', () => {
    expect(policy.readableCommunityIds(actors.system)).toBeNull();
    expect(policy.readableCommunityIds(actors.street)).toEqual([C]);
    expect(policy.readableCommunityIds(actors.gridWorker)).toEqual([]);
    expect(policy.visibleCommunitiesSql(actors.system)).toBeUndefined();
  });

  it("cuts a grid worker's units to their grids and leaves others whole", () => {
    expect(policy.unitVisibility(actors.committee, compound)).toEqual({ all: true });
    expect(policy.unitVisibility(actors.communityStaff, compound)).toEqual({ all: true });
    expect(policy.unitVisibility(actors.gridWorker, compound)).toEqual({ all: false, gridIds: ['grid-1'] });
    expect(policy.visibleUnitsSql(actors.property, compound)).toBeUndefined();
    expect(policy.visibleUnitsSql(actors.gridWorker, compound)).toBeDefined();
  });
});
