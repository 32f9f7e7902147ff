import type { z } from 'zod';
import { attachSurveyBody } from '../../../../contracts/consultation.ts';
import { canAttachSurvey } from '../consultation.policy.ts';
import { matterSurveys } from '../consultation.tables.ts';
import { requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, conflict, forbidden, parseInput, type ConsultationContext } from './support.ts';

/** Community staff attach one short survey to a matter before or during consultation; it cannot be changed once attached. */
export function attachSurvey(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: z.input<typeof attachSurveyBody>) {
  const input = parseInput(attachSurveyBody, raw);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'survey_setup', 'Attaching a survey');
    if (!canAttachSurvey(ctx.viewer, ref)) throw forbidden(null, 'Only the community\u2019s staff attach a survey');
    const inserted = await tx.insert(matterSurveys)
      .values({ communityId: row.communityId, matterId: row.id, questions: input.questions, createdBy: actorShown(ctx), createdAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw conflict('survey_exists', 'The matter already has a survey; responses may have been given to it');
    await auditMatter(tx, ctx, 'consultation.survey_attached', row, { after: { questions: input.questions } });
    return inserted[0];
  });
}
