import { and, eq } from 'drizzle-orm';
import { createCompoundInput, type CreateCompoundInput } from '../../../../contracts/registry.ts';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { canCreateCompound } from '../registry.policy.ts';
import { communities, compounds } from '../registry.tables.ts';
import { duplicateCode, parseInput } from './input.ts';

/** Creates a residential compound in a community; the community's managers may. Codes are unique per community. */
export async function createCompound(ctx: CommandContext, raw: CreateCompoundInput) {
  const input = parseInput(createCompoundInput, raw);
  if (!canCreateCompound(ctx.actor, input.communityId)) {
    throw new AppError('not_found', `communityId: community ${input.communityId} not found`, { field: 'communityId' });
  }
  return transaction(ctx.db, async (tx) => {
    const [community] = await tx.select({ id: communities.id }).from(communities).where(eq(communities.id, input.communityId));
    if (!community) throw new AppError('not_found', `communityId: community ${input.communityId} not found`, { field: 'communityId' });
    const [taken] = await tx
      .select({ id: compounds.id })
      .from(compounds)
      .where(and(eq(compounds.communityId, input.communityId), eq(compounds.code, input.code)));
    if (taken) throw duplicateCode('compound', input.code);
    const values = { ...input, address: input.address ?? null, parkingInVotingArea: input.parkingInVotingArea ?? false };
    const [compound] = await tx.insert(compounds).values(values).returning({
      id: compounds.id, communityId: compounds.communityId, code: compounds.code, name: compounds.name,
    });
    await appendAudit(tx, {
      kind: 'registry.compound_created',
      communityId: compound.communityId,
      ...auditOrigin(ctx),
      objectType: 'compound',
      objectId: compound.id,
      after: values,
    });
    return compound;
  });
}
