import { eq } from 'drizzle-orm';
import { createCommunityInput, type CreateCommunityInput } from '../../../../contracts/registry.ts';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { canCreateCommunity } from '../registry.policy.ts';
import { communities, streets } from '../registry.tables.ts';
import { duplicateCode, parseInput } from './input.ts';

/** Creates a community under a street; its district follows from the street. The first event of its audit chain. */
export async function createCommunity(ctx: CommandContext, raw: CreateCommunityInput) {
  const input = parseInput(createCommunityInput, raw);
  return transaction(ctx.db, async (tx) => {
    const [street] = await tx.select({ id: streets.id, districtId: streets.districtId }).from(streets).where(eq(streets.id, input.streetId));
    if (!street || !canCreateCommunity(ctx.actor, street)) {
      throw new AppError('not_found', `streetId: street ${input.streetId} not found`, { field: 'streetId' });
    }
    const [taken] = await tx.select({ id: communities.id }).from(communities).where(eq(communities.code, input.code));
    if (taken) throw duplicateCode('community', input.code);
    const values = { ...input, districtId: street.districtId, address: input.address ?? null, areaM2: input.areaM2 ?? null };
    const [community] = await tx.insert(communities).values(values).returning({
      id: communities.id, streetId: communities.streetId, districtId: communities.districtId, code: communities.code, name: communities.name,
    });
    await appendAudit(tx, {
      kind: 'registry.community_created',
      communityId: community.id,
      ...auditOrigin(ctx),
      objectType: 'community',
      objectId: community.id,
      after: values,
    });
    return community;
  });
}
