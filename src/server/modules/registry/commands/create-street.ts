import { eq } from 'drizzle-orm';
import { createStreetInput, type CreateStreetInput } from '../../../../contracts/registry.ts';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { canCreateStreet } from '../registry.policy.ts';
import { districts, streets } from '../registry.tables.ts';
import { duplicateCode, parseInput } from './input.ts';

/** Creates a street office's area in a district; the district's admins may. */
export async function createStreet(ctx: CommandContext, raw: CreateStreetInput) {
  const input = parseInput(createStreetInput, raw);
  return transaction(ctx.db, async (tx) => {
    const [district] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.id, input.districtId));
    if (!district || !canCreateStreet(ctx.actor, district.id)) {
      throw new AppError('not_found', `districtId: district ${input.districtId} not found`, { field: 'districtId' });
    }
    const [taken] = await tx.select({ id: streets.id }).from(streets).where(eq(streets.code, input.code));
    if (taken) throw duplicateCode('street', input.code);
    const [street] = await tx.insert(streets).values(input).returning({ id: streets.id, districtId: streets.districtId, code: streets.code, name: streets.name });
    await appendAudit(tx, {
      kind: 'registry.street_created',
      communityId: null,
      ...auditOrigin(ctx),
      objectType: 'street',
      objectId: street.id,
      after: input,
    });
    return street;
  });
}
