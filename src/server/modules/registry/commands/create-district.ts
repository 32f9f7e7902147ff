import { eq } from 'drizzle-orm';
import { createDistrictInput, type CreateDistrictInput } from '../../../../contracts/registry.ts';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { canCreateDistrict } from '../registry.policy.ts';
import { districts } from '../registry.tables.ts';
import { duplicateCode, parseInput } from './input.ts';

/** Creates a district. Only the installation itself (CLI, demo loader) may: districts are reference data. */
export async function createDistrict(ctx: CommandContext, raw: CreateDistrictInput) {
  const input = parseInput(createDistrictInput, raw);
  if (!canCreateDistrict(ctx.actor)) throw new AppError('forbidden', 'Only the installation may create districts');
  return transaction(ctx.db, async (tx) => {
    const [taken] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.code, input.code));
    if (taken) throw duplicateCode('district', input.code);
    const [district] = await tx.insert(districts).values(input).returning({ id: districts.id, code: districts.code, name: districts.name });
    await appendAudit(tx, {
      kind: 'registry.district_created',
      communityId: null,
      ...auditOrigin(ctx),
      objectType: 'district',
      objectId: district.id,
      after: input,
    });
    return district;
  });
}
