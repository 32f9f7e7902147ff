import { and, asc, avg, count, eq, inArray } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { MatterView } from '../../../contracts/consultation.ts';
import type { Db } from '../../platform/db.ts';
import { taskOverdue } from './domain/deadlines.ts';
import { tallySurvey, type SurveyQuestion } from './domain/survey.ts';
import { canReportProgress, householdsFor, matterAbilities, type Viewer } from './consultation.policy.ts';
import {
  matterAttachments, matterRatings, matterSupports, matterSurveyResponses, matterSurveys, matterTaskUpdates,
} from './consultation.tables.ts';
import { resolutionOf, tasksOf } from './repo/implementation.ts';
import { refOf, stepLogOf, type MatterRow } from './repo/matters.ts';
import { toCards } from './consultation.views.ts';

// One matter as the detail page shows it: the card, the consultation so far, the resolution,
// the implementation and its evidence, the ratings, the step history and the actor's abilities.

const of = (t: { communityId: PgColumn; matterId: PgColumn }, m: MatterRow) =>
  and(eq(t.communityId, m.communityId), eq(t.matterId, m.id));

async function surveyOf(db: Db, m: MatterRow) {
  const [survey] = await db.select().from(matterSurveys).where(of(matterSurveys, m));
  if (!survey) return null;
  const responses = await db.select({ answers: matterSurveyResponses.answers }).from(matterSurveyResponses).where(of(matterSurveyResponses, m));
  const questions = survey.questions as SurveyQuestion[];
  return { questions, responses: responses.length, results: tallySurvey(questions, responses.map((r) => r.answers as number[][])), createdAt: survey.createdAt.toISOString() };
}

async function tasksWithUpdates(db: Db, viewer: Viewer, m: MatterRow, now: Date) {
  const tasks = await tasksOf(db, m);
  if (!tasks.length) return [];
  const ids = tasks.map((t) => t.id);
  const updates = await db.select().from(matterTaskUpdates)
    .where(and(eq(matterTaskUpdates.communityId, m.communityId), inArray(matterTaskUpdates.taskId, ids)))
    .orderBy(asc(matterTaskUpdates.at));
  const files = updates.length
    ? await db.select({ id: matterAttachments.id, updateId: matterAttachments.updateId, name: matterAttachments.name, mimeType: matterAttachments.mimeType, size: matterAttachments.size, sha256: matterAttachments.sha256 })
      .from(matterAttachments)
      .where(and(eq(matterAttachments.communityId, m.communityId), inArray(matterAttachments.updateId, updates.map((u) => u.id))))
    : [];
  const ref = refOf(m);
  return tasks.map((t) => ({
    id: t.id,
    title: t.title,
    responsibleParty: t.responsibleParty,
    responsibleName: t.responsibleName,
    deadline: t.deadline,
    progress: t.progress,
    overdue: taskOverdue(t, now),
    completedAt: t.completedAt?.toISOString() ?? null,
    updates: updates.filter((u) => u.taskId === t.id).map((u) => ({
      id: u.id,
      progress: u.progress,
      note: u.note,
      by: u.by,
      at: u.at.toISOString(),
      attachments: files.filter((f) => f.updateId === u.id).map(({ updateId: _u, ...f }) => ({ ...f, url: `/api/matters/${m.id}/attachments/${f.id}` })),
    })),
    abilities: { reportProgress: canReportProgress(viewer, ref, t) },
  }));
}

async function ratingsOf(db: Db, m: MatterRow, mine: string[]) {
  const [summary] = await db.select({ n: count(), average: avg(matterRatings.score) }).from(matterRatings).where(of(matterRatings, m));
  const own = mine.length
    ? await db.select({ score: matterRatings.score }).from(matterRatings).where(and(of(matterRatings, m), inArray(matterRatings.unitId, mine))).limit(1)
    : [];
  return { count: Number(summary.n), average: summary.average === null ? null : Math.round(Number(summary.average) * 100) / 100, mine: own[0]?.score ?? null };
}

export async function matterDetail(db: Db, viewer: Viewer, m: MatterRow, now: Date): Promise<MatterView> {
  const mine = householdsFor(viewer, m).map((h) => h.unitId);
  const [[card], survey, resolution, tasks, ratings, history, supported] = await Promise.all([
    toCards(db, [m], now),
    surveyOf(db, m),
    resolutionOf(db, m),
    tasksWithUpdates(db, viewer, m, now),
    ratingsOf(db, m, mine),
    stepLogOf(db, m),
    mine.length ? db.select({ unitId: matterSupports.unitId }).from(matterSupports).where(and(of(matterSupports, m), inArray(matterSupports.unitId, mine))).limit(1) : Promise.resolve([]),
  ]);
  return {
    ...card,
    description: m.description,
    sourceRef: m.sourceRef,
    raisedBy: m.raisedByLabel,
    direction: m.direction,
    consultDays: m.consultDays,
    consultShortenedReason: m.consultShortenedReason,
    outcomeReason: m.outcomeReason,
    mySupport: supported.length > 0,
    survey,
    resolution: resolution && {
      text: resolution.text,
      decidingBody: resolution.decidingBody,
      basis: resolution.basis as 'meeting' | 'vote',
      meetingId: resolution.meetingId,
      voteId: resolution.voteId,
      passed: resolution.passed,
      basisNote: resolution.basisNote,
      recordedBy: resolution.recordedBy,
      recordedAt: resolution.recordedAt.toISOString(),
    },
    notices: { resolution: m.resolutionNoticeId, results: m.resultsNoticeId },
    tasks,
    acceptance: m.acceptedAt ? { party: m.acceptedParty!, note: m.acceptanceNote!, by: m.acceptedBy!, at: m.acceptedAt.toISOString() } : null,
    ratings,
    history: history.map((h) => ({ step: h.step, enteredAt: h.enteredAt.toISOString(), leftAt: h.leftAt?.toISOString() ?? null, by: h.by, reason: h.reason })),
    abilities: matterAbilities(viewer, refOf(m)),
  };
}
