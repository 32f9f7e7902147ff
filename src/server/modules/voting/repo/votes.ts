import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { voteDocuments, voteNotifications, voteQuestions, votes } from '../voting.tables.ts';
import type { VoteRow } from '../commands/support.ts';
import type { VoteState } from '../domain/lifecycle.ts';

export type QuestionRow = typeof voteQuestions.$inferSelect;
export type DocumentMeta = Omit<typeof voteDocuments.$inferSelect, 'content'>;

export async function findVote(db: Db, id: string): Promise<VoteRow | null> {
  const [row] = await db.select().from(votes).where(eq(votes.id, id));
  return row ?? null;
}

export async function questionsOf(db: Db, vote: { id: string; communityId: string }): Promise<QuestionRow[]> {
  return db
    .select()
    .from(voteQuestions)
    .where(and(eq(voteQuestions.communityId, vote.communityId), eq(voteQuestions.voteId, vote.id)))
    .orderBy(asc(voteQuestions.position));
}

const documentColumns = {
  communityId: voteDocuments.communityId,
  id: voteDocuments.id,
  voteId: voteDocuments.voteId,
  kind: voteDocuments.kind,
  name: voteDocuments.name,
  mimeType: voteDocuments.mimeType,
  size: voteDocuments.size,
  sha256: voteDocuments.sha256,
  uploadedBy: voteDocuments.uploadedBy,
  createdAt: voteDocuments.createdAt,
};

export async function documentsOf(db: Db, vote: { id: string; communityId: string }): Promise<DocumentMeta[]> {
  return db
    .select(documentColumns)
    .from(voteDocuments)
    .where(and(eq(voteDocuments.communityId, vote.communityId), eq(voteDocuments.voteId, vote.id)))
    .orderBy(asc(voteDocuments.createdAt), asc(voteDocuments.id));
}

export async function documentMeta(db: Db, vote: { id: string; communityId: string }, documentId: string): Promise<DocumentMeta | null> {
  const [row] = await db
    .select(documentColumns)
    .from(voteDocuments)
    .where(and(eq(voteDocuments.communityId, vote.communityId), eq(voteDocuments.voteId, vote.id), eq(voteDocuments.id, documentId)));
  return row ?? null;
}

export async function documentContent(db: Db, vote: { id: string; communityId: string }, documentId: string) {
  const [row] = await db
    .select()
    .from(voteDocuments)
    .where(and(eq(voteDocuments.communityId, vote.communityId), eq(voteDocuments.voteId, vote.id), eq(voteDocuments.id, documentId)));
  return row ?? null;
}

export async function notificationsOf(db: Db, vote: { id: string; communityId: string }) {
  return db
    .select()
    .from(voteNotifications)
    .where(and(eq(voteNotifications.communityId, vote.communityId), eq(voteNotifications.voteId, vote.id)))
    .orderBy(asc(voteNotifications.createdAt));
}

export interface VoteListFilter {
  /** null = every vote (system actors) */
  staff: { communityIds: string[]; committeeCompoundIds: string[] } | null;
  /** for owners: compounds they own in, and votes they are in the electorate of or hold proxies in */
  owner?: { compoundIds: string[]; voteIds: string[] };
  compoundId?: string;
  state?: VoteState;
  page: number;
  pageSize: number;
}

/** One page of votes, newest opening first, filtered by the same scope as the read policy. */
export async function listVotes(db: Db, filter: VoteListFilter) {
  const scope: SQL[] = [];
  if (filter.owner) {
    const { compoundIds, voteIds } = filter.owner;
    const reach = [
      compoundIds.length ? inArray(votes.compoundId, compoundIds) : undefined,
      voteIds.length ? inArray(votes.id, voteIds) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    scope.push(reach.length ? and(or(...reach), ne(votes.state, 'draft'))! : sql`false`);
  } else if (filter.staff) {
    const { communityIds, committeeCompoundIds } = filter.staff;
    const reach = [
      communityIds.length ? inArray(votes.communityId, communityIds) : undefined,
      committeeCompoundIds.length ? and(inArray(votes.compoundId, committeeCompoundIds), eq(votes.convenerKind, 'owners_committee')) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    scope.push(reach.length ? or(...reach)! : sql`false`);
  }
  if (filter.compoundId) scope.push(eq(votes.compoundId, filter.compoundId));
  if (filter.state) scope.push(eq(votes.state, filter.state));
  const where = and(...scope);
  const [{ total }] = await db.select({ total: count() }).from(votes).where(where);
  const rows = await db
    .select()
    .from(votes)
    .where(where)
    .orderBy(desc(votes.opensAt), asc(votes.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const counts = rows.length
    ? await db
        .select({ voteId: voteQuestions.voteId, n: count() })
        .from(voteQuestions)
        .where(inArray(voteQuestions.voteId, rows.map((r) => r.id)))
        .groupBy(voteQuestions.voteId)
    : [];
  const questionCount = new Map(counts.map((c) => [c.voteId, Number(c.n)]));
  return { rows: rows.map((row) => ({ row, questionCount: questionCount.get(row.id) ?? 0 })), total: Number(total) };
}
