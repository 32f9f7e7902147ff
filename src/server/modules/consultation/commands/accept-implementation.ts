import type { z } from 'zod';
import { acceptImplementationBody } from '../../../../contracts/consultation.ts';
import { canAcceptImplementation } from '../consultation.policy.ts';
import { matters } from '../consultation.tables.ts';
import { matterKey } from '../repo/matters.ts';
import { resolutionOf, tasksOf } from '../repo/implementation.ts';
import { requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, conflict, forbidden, parseInput, type ConsultationContext } from './support.ts';

/**
 * The owners' committee (of the compound) or the residents' committee (community staff) accepts
 * the implementation once every task is done. A resolution that passed needs at least one task.
 */
export function acceptImplementation(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: z.input<typeof acceptImplementationBody>) {
  const input = parseInput(acceptImplementationBody, raw);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'acceptance', 'Acceptance');
    if (!canAcceptImplementation(ctx.viewer, ref, input.party)) {
      throw forbidden(null, input.party === 'owners_committee' ? 'Only the compound\u2019s owners\u2019 committee accepts as owners\u2019 committee' : 'Only community staff accept for the residents\u2019 committee');
    }
    if (row.acceptedAt) throw conflict('already_accepted', `The implementation was accepted at ${row.acceptedAt.toISOString()} by ${row.acceptedBy}`);
    const tasks = await tasksOf(tx, row);
    const resolution = await resolutionOf(tx, row);
    if (!tasks.length && resolution?.passed !== false) throw conflict('tasks_missing', 'The implementation has no tasks: plan who does what by when first');
    const unfinished = tasks.filter((t) => t.progress < 100);
    if (unfinished.length) {
      throw conflict('tasks_unfinished', `${unfinished.length} task(s) are not finished: ${unfinished.map((t) => `"${t.title}" (${t.progress}%)`).join(', ')}`, { taskIds: unfinished.map((t) => t.id) });
    }
    const now = ctx.clock.now();
    const by = actorShown(ctx);
    await tx.update(matters).set({ acceptedParty: input.party, acceptanceNote: input.note, acceptedBy: by, acceptedAt: now }).where(matterKey(row));
    await auditMatter(tx, ctx, 'consultation.implementation_accepted', row, { after: { party: input.party, note: input.note, tasks: tasks.length } });
    return { party: input.party, note: input.note, by, at: now };
  });
}
