import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { taskProgressBody } from '../../../../contracts/consultation.ts';
import { notFound } from '../../../platform/errors.ts';
import { canReportProgress } from '../consultation.policy.ts';
import { matterAttachments, matterTaskUpdates, matterTasks } from '../consultation.tables.ts';
import { refreshTaskDeadline } from './add-task.ts';
import { requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, forbidden, invalid, parseInput, type ConsultationContext } from './support.ts';

export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const MAX_UPDATE_BYTES = 3 * 1024 * 1024;

function decodeAttachments(attachments: z.infer<typeof taskProgressBody>['attachments']) {
  const files = attachments.map((a, i) => ({ ...a, index: i, content: Buffer.from(a.contentBase64, 'base64') }));
  const large = files.find((f) => f.content.length > MAX_ATTACHMENT_BYTES);
  if (large) throw invalid([{ path: `attachments[${large.index}]`, message: `${large.name} is ${large.content.length} bytes; at most ${MAX_ATTACHMENT_BYTES} per file` }], 'attachment_too_large');
  const total = files.reduce((n, f) => n + f.content.length, 0);
  if (total > MAX_UPDATE_BYTES) throw invalid([{ path: 'attachments', message: `${total} bytes together; at most ${MAX_UPDATE_BYTES} per update` }], 'attachment_too_large');
  return files;
}

/**
 * The party responsible for a task (or community staff) reports its progress, with a note and
 * photos or documents as evidence. The files are kept with their SHA-256; the audit event names them.
 */
export function reportTaskProgress(ctx: ConsultationContext, m: { id: string; communityId: string }, taskId: string, raw: z.input<typeof taskProgressBody>) {
  const input = parseInput(taskProgressBody, raw);
  const files = decodeAttachments(input.attachments);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'tasks', 'Reporting progress');
    const key = and(eq(matterTasks.communityId, row.communityId), eq(matterTasks.matterId, row.id), eq(matterTasks.id, taskId));
    const [task] = await tx.select().from(matterTasks).where(key);
    if (!task) throw notFound('Task');
    if (!canReportProgress(ctx.viewer, ref, task)) throw forbidden(null, `Only community staff or the responsible ${task.responsibleParty.replace('_', ' ')} report on this task`);
    const now = ctx.clock.now();
    const by = actorShown(ctx);
    const [update] = await tx.insert(matterTaskUpdates).values({
      communityId: row.communityId, matterId: row.id, taskId, progress: input.progress, note: input.note, by, at: now,
    }).returning();
    const stored = files.map((f) => ({ name: f.name, mimeType: f.mimeType, size: f.content.length, sha256: createHash('sha256').update(f.content).digest('hex'), content: f.content }));
    if (stored.length) {
      await tx.insert(matterAttachments).values(stored.map((f) => ({ ...f, communityId: row.communityId, matterId: row.id, updateId: update.id, createdAt: now })));
    }
    const completedAt = input.progress === 100 ? task.completedAt ?? now : null;
    await tx.update(matterTasks).set({ progress: input.progress, completedAt }).where(key);
    await refreshTaskDeadline(tx, row);
    await auditMatter(tx, ctx, 'consultation.task_progress_reported', row, {
      objectType: 'matter_task',
      objectId: taskId,
      before: { progress: task.progress },
      after: { updateId: update.id, progress: input.progress, note: input.note, attachments: stored.map(({ content: _c, ...meta }) => meta) },
    });
    return update;
  });
}
