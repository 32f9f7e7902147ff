import { consultationSettingsBody, type ConsultationSettingsBody } from '../../../../contracts/consultation.ts';
import { transaction } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { auditOrigin } from '../../../platform/command.ts';
import { canEditSettings } from '../consultation.policy.ts';
import { consultationSettings } from '../consultation.tables.ts';
import { settingsOf } from '../repo/settings.ts';
import { forbidden, parseInput, type ConsultationContext } from './support.ts';

/**
 * Community staff set the procedure's numbers for their community: co-signatures needed,
 * deadlines, posting period, categories. Only the keys sent change. Matters already raised keep
 * the number of signatures they were raised with; running deadlines are not moved.
 */
export async function updateSettings(ctx: ConsultationContext, communityId: string, raw: ConsultationSettingsBody) {
  const input = parseInput(consultationSettingsBody, raw);
  if (!canEditSettings(ctx.actor, communityId)) throw forbidden(null, 'Only the community\u2019s staff change its consultation settings');
  return transaction(ctx.db, async (tx) => {
    const { isDefault: _d, ...before } = await settingsOf(tx, communityId);
    const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after = { ...before, ...defined };
    await tx.insert(consultationSettings)
      .values({ communityId, ...after, updatedAt: ctx.clock.now() })
      .onConflictDoUpdate({ target: consultationSettings.communityId, set: { ...after, updatedAt: ctx.clock.now() } });
    await appendAudit(tx, {
      kind: 'consultation.settings_changed', communityId, ...auditOrigin(ctx), objectType: 'consultation_settings', objectId: communityId, before, after,
    });
    return after;
  });
}
