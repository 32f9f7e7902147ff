import { eq } from 'drizzle-orm';
import { communityFiguresBody, type CommunityFiguresBody } from '../../../../contracts/registry.ts';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { communities } from '../registry.tables.ts';
import { parseInput } from './input.ts';

/**
 * Records the figures the registry cannot derive (land area, population, social workers). Only
 * the keys given change; null clears one. The caller has checked canManageCommunity.
 */
export async function recordCommunityFigures(ctx: CommandContext, communityId: string, raw: CommunityFiguresBody) {
  const input = parseInput(communityFiguresBody, raw);
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<Record<keyof CommunityFiguresBody, number | null>>;
  return transaction(ctx.db, async (tx) => {
    const [before] = await tx
      .select({ areaM2: communities.areaM2, populationRecorded: communities.populationRecorded, socialWorkersRecorded: communities.socialWorkersRecorded })
      .from(communities)
      .where(eq(communities.id, communityId))
      .for('update');
    if (!before) throw notFound('Community');
    const after = { ...before, ...changes };
    await tx.update(communities).set(changes).where(eq(communities.id, communityId));
    await appendAudit(tx, {
      kind: 'registry.community_figures_recorded',
      communityId,
      ...auditOrigin(ctx),
      objectType: 'community',
      objectId: communityId,
      before,
      after,
    });
    return after;
  });
}
