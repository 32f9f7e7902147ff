import { createHash } from 'node:crypto';
import { auditOrigin, transaction } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { checkAllowed, type VoteState } from '../domain/lifecycle.ts';
import { voteDocuments } from '../voting.tables.ts';
import { actorShown, invalid, lockVote, refused, type VotingContext } from './support.ts';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface UploadedFile {
  kind: 'notice' | 'attachment' | 'proxy_authorisation';
  name: string;
  mimeType: string;
  content: Buffer;
}

/**
 * Stores a document of the vote with its size and SHA-256, so that anyone holding a copy can
 * check it is the one published. Notices and attachments belong to the draft (what owners are
 * told does not change after the announcement); a proxy's written authorisation is uploaded
 * while proxies may be registered. The caller has checked who may upload which kind.
 */
export async function uploadDocument(ctx: VotingContext, vote: { id: string; communityId: string }, file: UploadedFile) {
  if (file.content.length === 0) throw invalid([{ path: 'file', message: 'is empty' }]);
  if (file.content.length > MAX_DOCUMENT_BYTES) throw invalid([{ path: 'file', message: `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` }]);
  const name = file.name.trim().slice(0, 200) || 'document';
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  return transaction(ctx.db, async (tx) => {
    const locked = await lockVote(tx, vote, 'share');
    const state = locked.state as VoteState;
    const refusal = file.kind === 'proxy_authorisation'
      ? checkAllowed(state, 'proxies', 'proxy authorisations are uploaded')
      : checkAllowed(state, 'edit', 'notices and attachments are uploaded');
    if (refusal) throw refused(refusal, { state });
    const [row] = await tx.insert(voteDocuments).values({
      communityId: vote.communityId,
      voteId: vote.id,
      kind: file.kind,
      name,
      mimeType: file.mimeType || 'application/octet-stream',
      size: file.content.length,
      sha256,
      content: file.content,
      uploadedBy: actorShown(ctx),
    }).returning({
      communityId: voteDocuments.communityId, id: voteDocuments.id, voteId: voteDocuments.voteId, kind: voteDocuments.kind,
      name: voteDocuments.name, mimeType: voteDocuments.mimeType, size: voteDocuments.size, sha256: voteDocuments.sha256,
      uploadedBy: voteDocuments.uploadedBy, createdAt: voteDocuments.createdAt,
    });
    await appendAudit(tx, {
      kind: 'voting.document_uploaded',
      communityId: vote.communityId,
      ...auditOrigin(ctx),
      objectType: 'vote_document',
      objectId: row.id,
      after: { voteId: vote.id, kind: file.kind, name, size: row.size, sha256 },
    });
    return row;
  });
}
