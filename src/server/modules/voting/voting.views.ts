import { z } from 'zod';
import type { documentView, questionView, voteOptionsView, VoteView } from '../../../contracts/voting.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { compoundSummary } from '../registry/index.ts';
import type { VoteRow } from './commands/support.ts';
import { classOfItem, type PresetId } from './domain/presets.ts';
import { documentsOf, notificationsOf, questionsOf, type DocumentMeta, type QuestionRow } from './repo/votes.ts';
import { canReadDocument, voteAbilities, type OwnerRelation } from './voting.policy.ts';
import { refOf } from './voting.access.ts';

// Rows → the API's shapes. Nothing here decides a permission: abilities come from the policy.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface Candidate {
  id: string;
  name: string;
}

export const candidatesOf = (q: Pick<QuestionRow, 'candidates'>): Candidate[] => (q.candidates as Candidate[] | null) ?? [];

export function toQuestionView(q: QuestionRow, preset: PresetId): z.infer<typeof questionView> {
  return {
    id: q.id,
    position: q.position,
    title: q.title,
    item: q.item,
    class: classOfItem(preset, q.item),
    kind: q.kind as 'decision' | 'election',
    seats: q.seats,
    candidates: candidatesOf(q),
  };
}

export function toDocumentView(d: DocumentMeta): z.infer<typeof documentView> {
  return {
    id: d.id,
    kind: d.kind as z.infer<typeof documentView>['kind'],
    name: d.name,
    mimeType: d.mimeType,
    size: d.size,
    sha256: d.sha256,
    url: `/api/votes/${d.voteId}/documents/${d.id}`,
    createdAt: d.createdAt.toISOString(),
  };
}

export function optionsView(vote: VoteRow): z.infer<typeof voteOptionsView> {
  const options = vote.options as z.infer<typeof voteOptionsView>;
  return { ...options, parkingInVotingArea: options.parkingInVotingArea === true };
}

export async function toVoteView(db: Db, actor: Actor, vote: VoteRow, relation: OwnerRelation, now: Date): Promise<VoteView> {
  const ref = refOf(vote);
  const [compound, questions, documents, notifications] = await Promise.all([
    compoundSummary(db, vote.compoundId),
    questionsOf(db, vote),
    documentsOf(db, vote),
    notificationsOf(db, vote),
  ]);
  const preset = vote.preset as PresetId;
  return {
    id: vote.id,
    communityId: vote.communityId,
    compound: { id: vote.compoundId, name: compound?.name ?? '' },
    matterId: vote.matterId,
    convenerKind: vote.convenerKind,
    title: vote.title,
    noticeText: vote.noticeText,
    state: ref.state,
    preset,
    options: optionsView(vote),
    allowBallotChange: vote.allowBallotChange,
    noticeAt: vote.noticeAt.toISOString(),
    opensAt: vote.opensAt.toISOString(),
    closesAt: vote.closesAt.toISOString(),
    announcedAt: iso(vote.announcedAt),
    openedAt: iso(vote.openedAt),
    closedAt: iso(vote.closedAt),
    countedAt: iso(vote.countedAt),
    publishedAt: iso(vote.publishedAt),
    cancelledAt: iso(vote.cancelledAt),
    cancelReason: vote.cancelReason,
    merkleRoot: vote.merkleRoot,
    createdAt: vote.createdAt.toISOString(),
    questions: questions.map((q) => toQuestionView(q, preset)),
    documents: documents.filter((d) => canReadDocument(actor, ref, d.kind, relation)).map(toDocumentView),
    notifications: notifications.map((n) => ({
      id: n.id,
      kind: n.kind,
      messageZh: n.messageZh,
      messageEn: n.messageEn,
      recipients: (n.recipients as string[]).length,
      createdAt: n.createdAt.toISOString(),
    })),
    abilities: voteAbilities(actor, { ...ref, opensAt: vote.opensAt, closesAt: vote.closesAt }, relation, now),
  };
}
