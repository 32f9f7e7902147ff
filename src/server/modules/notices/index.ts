// The notices module's public face: other modules import only from here. The consultation module
// publishes its resolution and results notices through publishNotice, in its own transaction,
// and reads their state through noticeStatus and noticesForSubject.
import type { CommandContext } from '../../platform/command.ts';
import { publishNotice as publish, type PublishNoticeInput } from './commands/publish-notice.ts';

export { noticesRoutes } from './notices.routes.ts';
export { noticeStatus, noticesForSubject, type NoticeStatus } from './notices.status.ts';
export { SUBJECT_RULES } from './domain/subjects.ts';
export type { PublishNoticeInput };

/** Creates and publishes a notice in ctx.db (a transaction of the caller's, or not), writing one audit event there. */
export async function publishNotice(ctx: CommandContext & { now: Date }, input: PublishNoticeInput): Promise<{ id: string; postingEndsAt: string }> {
  return publish(ctx, input);
}
