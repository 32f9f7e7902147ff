import { sql } from 'drizzle-orm';
import { advanceMatterBody, type AdvanceMatterBody, type MatterStep } from '../../../../contracts/consultation.ts';
import { transaction } from '../../../platform/command.ts';
import type { Db } from '../../../platform/db.ts';
import { dueOnEntry } from '../domain/deadlines.ts';
import { checkMove } from '../domain/moves.ts';
import { findMove, STEPS } from '../domain/steps.ts';
import { resolutionNotice, resultsNotice } from '../domain/notice-texts.ts';
import { publishNotice } from '../consultation.neighbours.ts';
import { moversOf } from '../consultation.policy.ts';
import { matters } from '../consultation.tables.ts';
import { lockMatter, logStep, matterKey, refOf, type MatterRow } from '../repo/matters.ts';
import { settingsOf, type Settings } from '../repo/settings.ts';
import { gatherFacts } from './move-facts.ts';
import { earliestOpenTaskDeadline, resolutionOf, tasksOf } from '../repo/implementation.ts';
import { actorShown, auditMatter, parseInput, refused, type ConsultationContext } from './support.ts';

const ENDINGS: MatterStep[] = ['declined', 'withdrawn', 'escalated'];

/**
 * The one command that moves a matter from step to step. Under the matter's row lock it checks
 * that the matter is still where the sender saw it (expectedStep, and expectedVersion if given),
 * asks the step table whether this actor may make the move and whether its requirements hold,
 * does the move's work (opening consultation, publishing a notice), sets the new step with its
 * deadline, logs the stay and appends the audit event. Two people moving one matter at once: the
 * second waits for the lock, then finds the matter moved and gets 409 matter_moved.
 */
export async function advanceMatter(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: AdvanceMatterBody): Promise<MatterRow> {
  const input = parseInput(advanceMatterBody, raw);
  const settings = await settingsOf(ctx.db, m.communityId);
  const now = ctx.clock.now();
  return transaction(ctx.db, async (tx) => {
    const row = await lockMatter(tx, m);
    const spec = row.step === input.expectedStep ? findMove(row.step, input.to) : undefined;
    const facts = spec ? await gatherFacts(tx, row, spec, now) : {};
    const check = checkMove(row, input, moversOf(ctx.viewer, refOf(row)), facts, now, settings.consultDays);
    if (!check.ok) throw refused(check.refusal, { step: row.step, version: row.version });
    const { move, consult } = check;

    const set: Partial<typeof matters.$inferInsert> = {};
    if (consult) Object.assign(set, { direction: input.direction, consultDays: consult.days, consultShortenedReason: consult.shortenedReason });
    if (ENDINGS.includes(move.to)) set.outcomeReason = input.reason ?? null;
    const published = await publishStepNotice(ctx, tx, row, move.effect, settings, now);
    if (published?.kind === 'resolution') set.resolutionNoticeId = published.id;
    if (published?.kind === 'results') set.resultsNoticeId = published.id;
    const dueAt = dueOnEntry(move.to, now, settings, {
      consultDays: consult?.days,
      noticeEndsAt: published ? new Date(published.postingEndsAt) : null,
      earliestTaskDeadline: STEPS[move.to].deadline?.kind === 'tasks' ? await earliestOpenTaskDeadline(tx, row) : null,
    });

    const [after] = await tx.update(matters)
      .set({ ...set, step: move.to, version: sql`${matters.version} + 1`, stepEnteredAt: now, stepDueAt: dueAt })
      .where(matterKey(row))
      .returning();
    const by = actorShown(ctx);
    await logStep(tx, row, move.to, now, by, input.reason ?? input.direction ?? null);
    await auditMatter(tx, ctx, 'consultation.matter_advanced', row, {
      before: { step: row.step, version: row.version },
      after: {
        step: after.step,
        version: after.version,
        move: move.name,
        reason: input.reason ?? null,
        ...(consult ? { direction: input.direction, consultDays: consult.days, shortenedReason: consult.shortenedReason } : {}),
        ...(facts.jointMeeting ? { meetingId: facts.jointMeeting.meetingId, conclusion: facts.jointMeeting.conclusion } : {}),
        ...(published ? { noticeId: published.id, postingEndsAt: published.postingEndsAt } : {}),
        stepDueAt: dueAt,
      },
    });
    return after;
  });
}

/** Publishes the resolution or the results notice through the notices module, in this transaction. */
async function publishStepNotice(ctx: ConsultationContext, tx: Db, row: MatterRow, effect: string | undefined, settings: Settings, now: Date) {
  if (effect !== 'publish_resolution_notice' && effect !== 'publish_results_notice') return null;
  let notice: { title: string; body: string };
  if (effect === 'publish_resolution_notice') {
    const resolution = (await resolutionOf(tx, row))!;
    notice = resolutionNotice(row, resolution);
  } else {
    notice = resultsNotice(row, await tasksOf(tx, row), { party: row.acceptedParty!, note: row.acceptanceNote!, at: row.acceptedAt! });
  }
  const published = await publishNotice({ db: tx, actor: ctx.actor, requestId: ctx.requestId, now }, {
    communityId: row.communityId,
    compoundId: row.compoundId ?? undefined,
    subjectType: effect === 'publish_resolution_notice' ? 'matter_resolution' : 'matter_results',
    subjectId: row.id,
    ...notice,
    postingDays: settings.postingDays,
  });
  return { kind: effect === 'publish_resolution_notice' ? 'resolution' as const : 'results' as const, id: published.id, postingEndsAt: published.postingEndsAt };
}
