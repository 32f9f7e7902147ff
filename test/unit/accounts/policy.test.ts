import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/contracts/accounts.ts';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import type { GrantPlace } from '../../../src/server/modules/registry/index.ts';
import {
  canGrantOver, canManageUser, canManageUsers, canReadMailbox, userAbilities,
} from '../../../src/server/modules/accounts/accounts.policy.ts';

const staff = (role: Role, districts: string[] = []): Actor => ({
  kind: 'staff',
  userId: `u-${role}`,
  username: role,
  displayName: role,
  grants: [{ role, scopeId: 'x' }],
  scope: { ...emptyScope(), districts: new Set(districts) },
});
const owner: Actor = { kind: 'owner', phone: '13800000001', personIds: [], scope: emptyScope() };
const place = (kind: GrantPlace['kind'], ...districtIds: string[]): GrantPlace => ({ id: `${kind}-${districtIds.join()}`, kind, name: kind, districtIds });

const adminA = staff('district_admin', ['A']);
const nonAdmins: Actor[] = (['street_admin', 'community_staff', 'grid_worker', 'owners_committee', 'property_staff'] as Role[]).map((r) => staff(r)).concat(owner);

describe('accounts policy', () => {
  it('lets district admins and the CLI manage users, nobody else', () => {
    expect(canManageUsers(adminA)).toBe(true);
    expect(canManageUsers(systemActor())).toBe(true);
    for (const actor of nonAdmins) expect(canManageUsers(actor)).toBe(false);
  });

  it('grants over places inside the admin\'s district only', () => {
    for (const kind of ['district', 'street', 'community', 'grid', 'compound', 'company'] as const) {
      expect(canGrantOver(adminA, place(kind, 'A'))).toBe(true);
      expect(canGrantOver(adminA, place(kind, 'B'))).toBe(false);
      expect(canGrantOver(systemActor(), place(kind, 'B'))).toBe(true);
      for (const actor of nonAdmins) expect(canGrantOver(actor, place(kind, 'A'))).toBe(false);
    }
    expect(canGrantOver(adminA, place('company', 'B', 'A'))).toBe(true);
    expect(canGrantOver(adminA, place('company'))).toBe(false);
    expect(canGrantOver(adminA, undefined)).toBe(false);
  });

  it('manages a user only when every role lies inside the district', () => {
    expect(canManageUser(adminA, [place('grid', 'A'), place('compound', 'A')])).toBe(true);
    expect(canManageUser(adminA, [place('grid', 'A'), place('compound', 'B')])).toBe(false);
    expect(canManageUser(adminA, [place('grid', 'A'), undefined])).toBe(false);
    expect(canManageUser(adminA, [])).toBe(false);
    expect(canManageUser(systemActor(), [])).toBe(true);
    for (const actor of nonAdmins) expect(canManageUser(actor, [place('grid', 'A')])).toBe(false);
  });

  it('offers disable or enable by status, never disabling oneself', () => {
    const inside = [place('grid', 'A')];
    expect(userAbilities(adminA, { id: 'other', disabled: false }, inside)).toEqual({ disable: true, enable: false });
    expect(userAbilities(adminA, { id: 'other', disabled: true }, inside)).toEqual({ disable: false, enable: true });
    expect(userAbilities(adminA, { id: 'u-district_admin', disabled: false }, [place('district', 'A')])).toEqual({ disable: false, enable: false });
    expect(userAbilities(adminA, { id: 'other', disabled: false }, [place('grid', 'B')])).toEqual({ disable: false, enable: false });
  });

  it('shows the mailbox to admins in embedded mode only', () => {
    expect(canReadMailbox(adminA, true)).toBe(true);
    expect(canReadMailbox(adminA, false)).toBe(false);
    for (const actor of nonAdmins) expect(canReadMailbox(actor, true)).toBe(false);
  });
});
