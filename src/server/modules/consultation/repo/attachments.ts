import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { matterAttachments } from '../consultation.tables.ts';

export async function attachmentContent(db: Db, m: { communityId: string; id: string }, attachmentId: string) {
  const [row] = await db.select().from(matterAttachments)
    .where(and(eq(matterAttachments.communityId, m.communityId), eq(matterAttachments.matterId, m.id), eq(matterAttachments.id, attachmentId)));
  return row ?? null;
}
