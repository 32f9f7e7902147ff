import { voteSettingsBody } from '../../../../contracts/voting.ts';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { voteSettings } from '../voting.tables.ts';
import { parseInput, settingsOf, type VotingContext } from './support.ts';

/**
 * Sets a compound's bounds for its votes: the notice before opening, the shortest and longest
 * voting window, and how many owners one proxy holder may represent. Votes already convened are
 * checked against the bounds in force when they are edited, announced or extended. The caller
 * has checked canEditSettings.
 */
export async function updateSettings(ctx: VotingContext, compound: { id: string; communityId: string }, raw: unknown) {
  const input = parseInput(voteSettingsBody, raw);
  return transaction(ctx.db, async (tx) => {
    const before = await settingsOf(tx, compound);
    await tx
      .insert(voteSettings)
      .values({ communityId: compound.communityId, compoundId: compound.id, ...input, updatedAt: ctx.clock.now() })
      .onConflictDoUpdate({ target: [voteSettings.communityId, voteSettings.compoundId], set: { ...input, updatedAt: ctx.clock.now() } });
    await appendAudit(tx, {
      kind: 'voting.settings_changed',
      communityId: compound.communityId,
      ...auditOrigin(ctx),
      objectType: 'compound',
      objectId: compound.id,
      before,
      after: input,
    });
    return { ...input, isDefault: false };
  });
}
