import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { noticeFiles } from '../notices.tables.ts';

/** Every column but the bytes. */
const meta = {
  id: noticeFiles.id,
  communityId: noticeFiles.communityId,
  noticeId: noticeFiles.noticeId,
  kind: noticeFiles.kind,
  name: noticeFiles.name,
  mimeType: noticeFiles.mimeType,
  size: noticeFiles.size,
  sha256: noticeFiles.sha256,
  note: noticeFiles.note,
  uploadedBy: noticeFiles.uploadedBy,
  uploadedAt: noticeFiles.uploadedAt,
};
export type FileMeta = { [K in keyof typeof meta]: (typeof noticeFiles.$inferSelect)[K] };

export function filesOf(db: Db, n: { communityId: string; id: string }): Promise<FileMeta[]> {
  return db.select(meta).from(noticeFiles)
    .where(and(eq(noticeFiles.communityId, n.communityId), eq(noticeFiles.noticeId, n.id)))
    .orderBy(asc(noticeFiles.uploadedAt), asc(noticeFiles.id));
}

export async function fileContent(db: Db, n: { communityId: string; id: string }, fileId: string) {
  const [row] = await db
    .select({ ...meta, content: noticeFiles.content })
    .from(noticeFiles)
    .where(and(eq(noticeFiles.communityId, n.communityId), eq(noticeFiles.noticeId, n.id), eq(noticeFiles.id, fileId)));
  return row ?? null;
}

export async function insertFile(tx: Db, values: typeof noticeFiles.$inferInsert): Promise<FileMeta> {
  const [row] = await tx.insert(noticeFiles).values(values).returning(meta);
  return row;
}
