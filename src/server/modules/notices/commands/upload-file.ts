import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { actorUserId } from '../../../platform/actor.ts';
import { auditOrigin } from '../../../platform/command.ts';
import { notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkUpload } from '../domain/files.ts';
import { notices } from '../notices.tables.ts';
import { insertFile, type FileMeta } from '../repo/files.ts';
import { actorShown, conflict, invalid, withinTransaction, type NoticesContext } from './support.ts';

export interface UploadedFile {
  kind: 'attachment' | 'proof';
  name: string;
  content: Buffer;
  note?: string | null;
}

/**
 * Stores an attachment of a draft, or a photo proving the published notice hangs on the board,
 * with its size and SHA-256 and the time and uploader. The type is sniffed from the bytes
 * (images only for proofs; images or PDF for attachments). Attachments belong to the draft:
 * what a published notice says does not change. The caller has checked who may upload.
 */
export async function uploadFile(ctx: NoticesContext, ref: { communityId: string; id: string }, file: UploadedFile): Promise<FileMeta> {
  const checked = checkUpload(file.content, file.kind);
  if ('reason' in checked) throw invalid([{ path: 'file', message: checked.message.replace(/^file: /, '') }], checked.reason);
  const note = file.note?.trim().slice(0, 500) || null;
  const name = file.name.trim().replace(/[/\\]/g, '_').slice(0, 200) || (file.kind === 'proof' ? 'proof' : 'attachment');
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  return withinTransaction(ctx.db, async (tx) => {
    // FOR SHARE: an upload and a publish of the same notice run one after the other
    const [notice] = await tx.select({ state: notices.state }).from(notices)
      .where(and(eq(notices.communityId, ref.communityId), eq(notices.id, ref.id))).for('share');
    if (!notice) throw notFound('Notice');
    if (file.kind === 'attachment' && notice.state !== 'draft') {
      throw conflict('published_is_immutable', 'Attachments belong to the draft; a published notice cannot change (publish a correction)', { state: notice.state });
    }
    if (file.kind === 'proof' && notice.state !== 'published') {
      throw conflict('not_published', 'A proof of posting is for a published notice', { state: notice.state });
    }
    const row = await insertFile(tx, {
      communityId: ref.communityId, noticeId: ref.id, kind: file.kind, name, mimeType: checked.mimeType, size: file.content.length, sha256,
      content: file.content, note, uploadedBy: actorShown(ctx), uploadedByUserId: actorUserId(ctx.actor), uploadedAt: ctx.now,
    });
    await appendAudit(tx, {
      kind: file.kind === 'proof' ? 'notices.posting_proof_uploaded' : 'notices.attachment_uploaded',
      communityId: ref.communityId, ...auditOrigin(ctx), objectType: 'notice_file', objectId: row.id,
      after: { noticeId: ref.id, kind: file.kind, name, mimeType: row.mimeType, size: row.size, sha256, note, uploadedAt: row.uploadedAt },
    });
    return row;
  });
}
