import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { addDays, noticePhase } from './domain/periods.ts';
import { correctionOf, countsFor, findNotice, objectionCountsOf, publishedForSubject } from './repo/notices.ts';

// What modules above this one (consultation) ask about the notices they published: read-only,
// no policy (the caller has applied its own), times as ISO strings. The caller may pass its
// transaction, which is one PostgreSQL client: queries run in turn, never with Promise.all.

export interface NoticeStatus {
  id: string;
  published: boolean;
  postingEnded: boolean;
  /** for a draft: when it would end if published now (or at its scheduled start) */
  postingEndsAt: string;
  /** unanswered objections, overdue or not */
  openObjections: number;
  /** unanswered objections past their reply deadline */
  overdueObjections: number;
  correctedById: string | null;
}

export async function noticeStatus(db: Db, noticeId: string, now: Date): Promise<NoticeStatus> {
  const notice = await findNotice(db, noticeId);
  if (!notice) throw notFound('Notice');
  const counts = await objectionCountsOf(db, notice.communityId, [notice.id], now);
  const correction = await correctionOf(db, notice);
  const c = countsFor(counts, notice.id);
  const endsAt = notice.postingEndsAt ?? addDays(notice.postingStartsAt ?? now, notice.postingDays);
  return {
    id: notice.id,
    published: notice.state === 'published',
    postingEnded: noticePhase(notice, now) === 'posting_ended',
    postingEndsAt: endsAt.toISOString(),
    openObjections: c.open,
    overdueObjections: c.overdue,
    correctedById: correction?.id ?? null,
  };
}

/** The published notices of a subject, oldest first (an original, then its corrections). */
export async function noticesForSubject(db: Db, subjectType: string, subjectId: string): Promise<{ id: string; title: string; publishedAt: string; postingEndsAt: string }[]> {
  const rows = await publishedForSubject(db, subjectType, subjectId);
  return rows.map((r) => ({ id: r.id, title: r.title, publishedAt: r.publishedAt!.toISOString(), postingEndsAt: r.postingEndsAt!.toISOString() }));
}
