import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { matterComments } from '../consultation.tables.ts';

export type CommentRow = typeof matterComments.$inferSelect;

/** A page of the matter's comments, oldest first. */
export async function listComments(db: Db, m: { communityId: string; id: string }, page: { page: number; pageSize: number }) {
  const where = and(eq(matterComments.communityId, m.communityId), eq(matterComments.matterId, m.id));
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(matterComments).where(where),
    db.select().from(matterComments).where(where).orderBy(asc(matterComments.createdAt), asc(matterComments.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize),
  ]);
  return { rows, total: Number(total) };
}
