import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { emptyScope, systemActor, type Actor } from '../../../src/server/platform/actor.ts';
import type { Database } from '../../../src/server/platform/db.ts';
import { AppError } from '../../../src/server/platform/errors.ts';
import { auditEvents } from '../../../src/server/modules/audit/audit.tables.ts';
import { GLOBAL_CHAIN } from '../../../src/server/modules/audit/index.ts';
import { createCommunity, createCompound, createDistrict, createStreet } from '../../../src/server/modules/registry/index.ts';
import { freshDatabase } from '../../support/db.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

const system = () => ({ db: database.db, actor: systemActor('test') });
const eventsOf = (objectId: string) => database.db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId));

/** A staff actor whose scope holds one community through `role`. */
function staffOver(communityId: string, role: 'street_admin' | 'community_staff', grant = { role, scopeId: communityId }): Actor {
  const scope = emptyScope();
  scope.communities.set(communityId, new Set([role]));
  return { kind: 'staff', userId: '00000000-0000-4000-8000-000000000001', username: 'someone', displayName: 'Someone', grants: [grant], scope };
}

async function expectAppError(promise: Promise<unknown>, code: string, message: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toContain(message);
}

describe('place commands', () => {
  it('create a district, street, community and compound, each with exactly one audit event', async () => {
    const district = await createDistrict(system(), { code: 'D1', name: '示范区' });
    const street = await createStreet(system(), { districtId: district.id, code: 'S1', name: '东街道' });
    const community = await createCommunity(system(), { streetId: street.id, code: 'C1', name: '幸福社区', areaM2: 1_900_000 });
    expect(community.districtId).toBe(district.id);
    const compound = await createCompound(system(), { communityId: community.id, code: 'X1', name: '阳光花园' });

    const [d] = await eventsOf(district.id);
    expect(d).toMatchObject({ kind: 'registry.district_created', communityId: GLOBAL_CHAIN, actorLabel: 'test', after: { code: 'D1', name: '示范区' } });
    expect(await eventsOf(street.id)).toEqual([expect.objectContaining({ kind: 'registry.street_created', communityId: GLOBAL_CHAIN })]);
    const [c] = await eventsOf(community.id);
    expect(c).toMatchObject({ kind: 'registry.community_created', communityId: community.id, seq: 1, after: { areaM2: 1_900_000, districtId: district.id } });
    expect(await eventsOf(compound.id)).toEqual([expect.objectContaining({ kind: 'registry.compound_created', communityId: community.id, seq: 2 })]);
  });

  it('refuse duplicate codes, naming the code, and write nothing', async () => {
    const district = await createDistrict(system(), { code: 'D-dup', name: 'Dup' });
    await expectAppError(createDistrict(system(), { code: 'D-dup', name: 'Again' }), 'duplicate', 'code: district "D-dup" already exists');
    const street = await createStreet(system(), { districtId: district.id, code: 'S-dup', name: 'S' });
    const community = await createCommunity(system(), { streetId: street.id, code: 'C-dup', name: 'C' });
    await createCompound(system(), { communityId: community.id, code: 'X-dup', name: 'X' });
    await expectAppError(createCompound(system(), { communityId: community.id, code: 'X-dup', name: 'Y' }), 'duplicate', 'code: compound "X-dup"');
    // compound codes are unique per community only
    const other = await createCommunity(system(), { streetId: street.id, code: 'C-dup-2', name: 'C2' });
    await expect(createCompound(system(), { communityId: other.id, code: 'X-dup', name: 'X' })).resolves.toBeDefined();
    const compounds = await database.db.select().from(auditEvents).where(and(eq(auditEvents.communityId, community.id), eq(auditEvents.kind, 'registry.compound_created')));
    expect(compounds).toHaveLength(1);
  });

  it('refuse bad input, naming the field', async () => {
    await expectAppError(createDistrict(system(), { code: '', name: 'X' }), 'validation_failed', 'code: must not be empty');
    await expectAppError(createStreet(system(), { districtId: 'nope', code: 'S', name: 'X' }), 'validation_failed', 'districtId');
    await expectAppError(
      createCommunity(system(), { streetId: '00000000-0000-4000-8000-000000000000', code: 'C', name: 'X' }),
      'not_found',
      'streetId: street 00000000-0000-4000-8000-000000000000 not found',
    );
  });

  it('follow the policy: the installation creates districts, street admins communities, community staff compounds', async () => {
    const district = await createDistrict(system(), { code: 'D-pol', name: 'P' });
    const street = await createStreet(system(), { districtId: district.id, code: 'S-pol', name: 'P' });
    const otherStreet = await createStreet(system(), { districtId: district.id, code: 'S-pol-2', name: 'P2' });
    const community = await createCommunity(system(), { streetId: street.id, code: 'C-pol', name: 'P' });
    const staff = staffOver(community.id, 'community_staff');
    const streetAdmin = staffOver(community.id, 'street_admin', { role: 'street_admin', scopeId: street.id });
    const as = (actor: Actor) => ({ db: database.db, actor });

    await expectAppError(createDistrict(as(staff), { code: 'D-x', name: 'X' }), 'forbidden', 'installation');
    await expectAppError(createStreet(as(streetAdmin), { districtId: district.id, code: 'S-x', name: 'X' }), 'not_found', 'districtId');
    await expect(createCommunity(as(streetAdmin), { streetId: street.id, code: 'C-x', name: 'X' })).resolves.toBeDefined();
    await expectAppError(createCommunity(as(streetAdmin), { streetId: otherStreet.id, code: 'C-y', name: 'Y' }), 'not_found', 'streetId');
    await expectAppError(createCommunity(as(staff), { streetId: street.id, code: 'C-z', name: 'Z' }), 'not_found', 'streetId');
    const made = await createCompound(as(staff), { communityId: community.id, code: 'X-pol', name: 'X' });
    expect((await eventsOf(made.id))[0].actorLabel).toBe('user:someone');
    const foreign = await createCommunity(system(), { streetId: otherStreet.id, code: 'C-pol-2', name: 'Q' });
    await expectAppError(createCompound(as(staff), { communityId: foreign.id, code: 'X', name: 'X' }), 'not_found', 'communityId');
  });
});
