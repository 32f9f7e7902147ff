import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db.ts';
import { findCompoundRef } from '../../registry/index.ts';
import { checkPeriods, minimumPostingDays, scheduleNotice, type NoticeSettings, type Schedule } from '../domain/periods.ts';
import { subjectRule } from '../domain/subjects.ts';
import { notices } from '../notices.tables.ts';
import { correctionOf, lockNotice, type NoticeRow } from '../repo/notices.ts';
import { conflict, invalid, refused } from './support.ts';

// The checks a notice passes before it is drafted or published, shared by the commands. The
// route's contract schema checks shapes first; these repeat what callers inside the server
// (publishNotice from the consultation module) could get wrong, with the same field names.

export interface NoticeFields {
  communityId: string;
  compoundId?: string | null;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  postingDays?: number;
  objectionDays?: number | null;
  correctsId?: string | null;
}

const uuid = z.uuid();

function text(field: string, value: string, max: number): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw invalid([{ path: field, message: 'must not be empty' }]);
  if (trimmed.length > max) throw invalid([{ path: field, message: `must be at most ${max} characters` }]);
  return trimmed;
}

/** The subject's rule, the compound's place, and title and body, checked; throws naming the field. */
export async function checkedBasics(db: Db, input: NoticeFields) {
  const rule = subjectRule(input.subjectType);
  if (!rule) throw invalid([{ path: 'subjectType', message: `unknown subject type "${input.subjectType}"` }]);
  if (!uuid.safeParse(input.subjectId).success) throw invalid([{ path: 'subjectId', message: 'must be a UUID' }]);
  const compoundId = input.compoundId ?? null;
  if (compoundId) {
    const compound = uuid.safeParse(compoundId).success ? await findCompoundRef(db, compoundId) : null;
    if (!compound || compound.communityId !== input.communityId) {
      throw invalid([{ path: 'compoundId', message: 'is not a compound of this community' }], 'compound_outside_community');
    }
  }
  return { rule, compoundId, title: text('title', input.title, 200), body: text('body', input.body, 20_000) };
}

/** The posting and objection periods, defaulted and checked against the minimum for this subject and community. */
export function checkedPeriods(
  p: { postingDays?: number; objectionDays?: number | null },
  rule: Parameters<typeof minimumPostingDays>[0],
  settings: NoticeSettings,
): { postingDays: number; objectionDays: number } {
  const minimum = minimumPostingDays(rule, settings);
  const postingDays = p.postingDays ?? minimum;
  const objectionDays = p.objectionDays ?? postingDays;
  for (const [field, value] of [['postingDays', postingDays], ['objectionDays', objectionDays]] as const) {
    if (!Number.isInteger(value) || value > 90) throw invalid([{ path: field, message: 'must be whole days, at most 90' }]);
  }
  const refusal = checkPeriods({ postingDays, objectionDays }, minimum);
  if (refusal) throw refused(refusal, { minimum });
  return { postingDays, objectionDays };
}

/**
 * A correction must correct a published notice of the same community, compound and subject that
 * has no published correction yet. With `lock` (when publishing) the old notice's row is held
 * until commit, so two corrections published at once give one success and one conflict.
 */
export async function checkedCorrection(
  db: Db,
  target: { communityId: string; compoundId: string | null; subjectType: string; subjectId: string },
  correctsId: string | null | undefined,
  lock: boolean,
): Promise<NoticeRow | null> {
  if (!correctsId) return null;
  const notFoundHere = () => invalid([{ path: 'correctsId', message: 'is not a notice of this community' }]);
  if (!uuid.safeParse(correctsId).success) throw notFoundHere();
  const [exists] = await db.select({ id: notices.id }).from(notices).where(and(eq(notices.communityId, target.communityId), eq(notices.id, correctsId)));
  if (!exists) throw notFoundHere();
  const old = lock
    ? await lockNotice(db, { communityId: target.communityId, id: correctsId })
    : (await db.select().from(notices).where(and(eq(notices.communityId, target.communityId), eq(notices.id, correctsId))))[0];
  if (old.state !== 'published') throw invalid([{ path: 'correctsId', message: 'is a draft: edit the draft instead of correcting it' }], 'corrects_draft');
  if (old.subjectType !== target.subjectType || old.subjectId !== target.subjectId || old.compoundId !== target.compoundId) {
    throw invalid([{ path: 'correctsId', message: 'is a notice of another subject or compound; a correction keeps both' }], 'correction_mismatch');
  }
  const existing = await correctionOf(db, old);
  if (existing) {
    throw conflict('already_corrected', `Notice ${old.id} is already corrected by notice ${existing.id}; correct that one instead`, { correctedById: existing.id });
  }
  return old;
}

/** The published columns of a notice starting at `start`. */
export function publishedColumns(start: Date, periods: { postingDays: number; objectionDays: number }, settings: NoticeSettings, now: Date, by: string) {
  const schedule: Schedule = scheduleNotice(start, periods.postingDays, periods.objectionDays);
  return { state: 'published' as const, ...schedule, replyDays: settings.replyDays, publishedAt: now, publishedBy: by };
}
