import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { surveyAnswerBody } from '../../../../contracts/consultation.ts';
import { answerIssues, type SurveyQuestion } from '../domain/survey.ts';
import { householdsFor } from '../consultation.policy.ts';
import { matterSurveyResponses, matterSurveys } from '../consultation.tables.ts';
import { chooseHousehold, requireStep, withLockedMatter } from './locked.ts';
import { actorShown, auditMatter, conflict, invalid, parseInput, type ConsultationContext } from './support.ts';

/** A household answers the matter's survey during consultation, once. */
export function answerSurvey(ctx: ConsultationContext, m: { id: string; communityId: string }, raw: z.input<typeof surveyAnswerBody>) {
  const input = parseInput(surveyAnswerBody, raw);
  return withLockedMatter(ctx, m, async (tx, row, ref) => {
    requireStep(row, 'survey', 'Answering the survey');
    const [survey] = await tx.select().from(matterSurveys).where(and(eq(matterSurveys.communityId, row.communityId), eq(matterSurveys.matterId, row.id)));
    if (!survey) throw conflict('survey_missing', 'The matter has no survey');
    const household = chooseHousehold(householdsFor(ctx.viewer, ref), input.unitId, 'answer the survey of');
    const issues = answerIssues(survey.questions as SurveyQuestion[], input.answers);
    if (issues.length) throw invalid(issues);
    const inserted = await tx.insert(matterSurveyResponses)
      .values({ communityId: row.communityId, matterId: row.id, unitId: household.unitId, answers: input.answers, answeredBy: actorShown(ctx), answeredAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ unitId: matterSurveyResponses.unitId });
    if (!inserted.length) throw conflict('already_answered', `Household ${household.unitId} has already answered this survey`, { unitId: household.unitId });
    await auditMatter(tx, ctx, 'consultation.survey_answered', row, { after: { unitId: household.unitId, answers: input.answers } });
    return { unitId: household.unitId };
  });
}
