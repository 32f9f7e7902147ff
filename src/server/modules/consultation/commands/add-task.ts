import type { z } from 'zod';
import { addTaskBody } from '../../../../contracts/consultation.ts';
import type { Db } from '../../../platform/db.ts';
import { endOfChinaDay } from '../domain/deadlines.ts';
import { STEPS } from '../domain/steps.ts';
import { canManageTasks } from '../consultation.policy.ts';
import { matterTasks, matters } from '../consultation.tables.ts';
import { matterKey, type MatterRow } from '../repo/matters.ts';
import { earliestOpenTaskDeadline } from '../repo/implementation.ts';
import { requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, forbidden, parseInput, type ConsultationContext } from './support.ts';

/** In a step whose deadline is the tasks' (implement), the matter's deadline follows the earliest unfinished task. */
export async function refreshTaskDeadline(tx: Db, row: MatterRow) {
  if (STEPS[row.step].deadline?.kind !== 'tasks') return;
  const earliest = await earliestOpenTaskDeadline(tx, row);
  await tx.update(matters).set({ stepDueAt: earliest ? endOfChinaDay(earliest) : null }).where(matterKey(row));
}

/** Community staff or the compound's owners' committee plan who does what by when, once the resolution is published. */
export function addTask(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: z.input<typeof addTaskBody>) {
  const input = parseInput(addTaskBody, raw);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'tasks', 'Planning implementation tasks');
    if (!canManageTasks(ctx.viewer, ref)) throw forbidden(null, 'Only community staff or the compound\u2019s owners\u2019 committee plan implementation tasks');
    const [task] = await tx.insert(matterTasks).values({
      communityId: row.communityId, matterId: row.id, ...input, createdBy: actorShown(ctx), createdAt: ctx.clock.now(),
    }).returning();
    await refreshTaskDeadline(tx, row);
    await auditMatter(tx, ctx, 'consultation.task_added', row, { objectType: 'matter_task', objectId: task.id, after: input });
    return task;
  });
}
