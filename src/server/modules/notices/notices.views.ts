import type { NoticeFileView, NoticeView, ObjectionView, PublicNoticeView } from '../../../contracts/notices.ts';
import { maskPhone, type Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { noticePhase, objectionRefusal, objectionStatus } from './domain/periods.ts';
import { placeNamesOf, type PlaceNames } from './notices.borders.ts';
import { noticeAbilities, type NoticeRef, type OwnerPlaces } from './notices.policy.ts';
import { filesOf, type FileMeta } from './repo/files.ts';
import { correctionOf, countsFor, noticeLink, objectionCountsOf, type NoticeLink, type NoticeListRow, type NoticeRow, type ObjectionCounts } from './repo/notices.ts';
import type { ObjectionListRow } from './repo/objections.ts';

// Rows → the contract's views. Times become ISO strings; the derived state and window come
// from the clock's `now`.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const link = (l: NoticeLink | null) => (l ? { id: l.id, title: l.title, publishedAt: iso(l.publishedAt) } : null);

/** Public pages do not name the staff member who uploaded a file. */
export function toFileView(f: FileMeta, forPublic: boolean): NoticeFileView {
  return {
    id: f.id, kind: f.kind, name: f.name, mimeType: f.mimeType, size: f.size, sha256: f.sha256,
    uploadedAt: f.uploadedAt.toISOString(), uploadedBy: forPublic ? null : f.uploadedBy, note: f.note,
  };
}

export function placesOf(names: PlaceNames, n: { communityId: string; compoundId: string | null }) {
  return {
    community: { id: n.communityId, name: names.communities.get(n.communityId) ?? '' },
    compound: n.compoundId ? { id: n.compoundId, name: names.compounds.get(n.compoundId) ?? '' } : null,
  };
}

/** The public face of one notice: what the board, the public page and the printed sheet show. */
export async function publicNoticeView(db: Db, n: NoticeRow, now: Date, forPublic: boolean): Promise<PublicNoticeView & { correctedById: string | null }> {
  const [names, files, counts, corrects, correctedBy] = await Promise.all([
    placeNamesOf(db, [n]),
    filesOf(db, n),
    objectionCountsOf(db, n.communityId, [n.id], now),
    n.correctsId ? noticeLink(db, n.communityId, n.correctsId) : Promise.resolve(null),
    n.state === 'published' ? correctionOf(db, n) : Promise.resolve(null),
  ]);
  return {
    id: n.id,
    ...placesOf(names, n),
    subjectType: n.subjectType,
    subjectId: n.subjectId,
    issuerKind: n.issuerKind,
    title: n.title,
    body: n.body,
    state: noticePhase(n, now),
    postingDays: n.postingDays,
    objectionDays: n.objectionDays,
    replyDays: n.replyDays,
    publishedAt: iso(n.publishedAt),
    postingStartsAt: iso(n.postingStartsAt),
    postingEndsAt: iso(n.postingEndsAt),
    objectionEndsAt: iso(n.objectionEndsAt),
    objectionWindowOpen: !objectionRefusal(n, correctedBy?.id ?? null, now),
    corrects: link(corrects),
    correctedBy: link(correctedBy),
    attachments: files.filter((f) => f.kind === 'attachment').map((f) => toFileView(f, forPublic)),
    proofs: files.filter((f) => f.kind === 'proof').map((f) => toFileView(f, forPublic)),
    objections: countsFor(counts, n.id),
    correctedById: correctedBy?.id ?? null,
  };
}

/** The view for a logged-in reader: the public face, who drafted and published it, and the actor's abilities. */
export async function noticeView(db: Db, actor: Actor, n: NoticeRow, ref: NoticeRef, places: OwnerPlaces, now: Date): Promise<NoticeView> {
  const { correctedById, ...view } = await publicNoticeView(db, n, now, false);
  return {
    ...view,
    createdBy: n.createdBy,
    createdAt: n.createdAt.toISOString(),
    publishedBy: n.publishedBy,
    abilities: noticeAbilities(actor, { ...ref, ...n }, places, correctedById, now),
  };
}

export function toListItem(row: NoticeListRow, names: PlaceNames, counts: Map<string, ObjectionCounts>, now: Date) {
  return {
    id: row.id,
    communityId: row.communityId,
    compound: placesOf(names, row).compound,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    title: row.title,
    state: noticePhase(row, now),
    publishedAt: iso(row.publishedAt),
    postingEndsAt: iso(row.postingEndsAt),
    objectionEndsAt: iso(row.objectionEndsAt),
    correctedById: row.correctedById,
    objections: countsFor(counts, row.id),
  };
}

/** A page of notice rows (one community's, or a resident's across a few) as list items. */
export async function toListItems(db: Db, rows: NoticeListRow[], now: Date) {
  const byCommunity = new Map<string, string[]>();
  for (const r of rows) byCommunity.set(r.communityId, [...(byCommunity.get(r.communityId) ?? []), r.id]);
  const [names, ...countMaps] = await Promise.all([
    placeNamesOf(db, rows),
    ...[...byCommunity].map(([communityId, ids]) => objectionCountsOf(db, communityId, ids, now)),
  ]);
  const counts = new Map(countMaps.flatMap((m) => [...m]));
  return rows.map((r) => toListItem(r, names, counts, now));
}

export function toObjectionView(o: ObjectionListRow, now: Date, canAnswer: boolean): ObjectionView {
  return {
    id: o.id,
    noticeId: o.noticeId,
    noticeTitle: o.noticeTitle,
    communityId: o.communityId,
    text: o.text,
    raisedBy: maskPhone(o.raiserPhone) ?? '',
    unitId: o.unitId,
    raisedAt: o.raisedAt.toISOString(),
    replyDueAt: o.replyDueAt.toISOString(),
    status: objectionStatus(o, now),
    answer: o.answer,
    answeredAt: iso(o.answeredAt),
    answeredBy: o.answeredBy,
    abilities: { answer: canAnswer && !o.answeredAt },
  };
}
