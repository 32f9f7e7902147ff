// The consultation shapes the pages read, inferred from the shared contracts
// (src/contracts/consultation.ts). Type-only imports: the schemas stay out of the browser bundle.
import type { z } from 'zod';
import type * as c from '../../../contracts/consultation.ts';

export type MatterStep = c.MatterStep;
export type MatterSource = c.MatterSource;
export type DecidingBody = c.DecidingBody;
export type ResponsibleParty = c.ResponsibleParty;
export type MatterCard = c.MatterCard;
export type MatterView = c.MatterView;
export type MatterList = z.infer<typeof c.matterList>;
export type MatterAbilities = z.infer<typeof c.matterAbilities>;
export type TaskView = z.infer<typeof c.taskView>;
export type SurveyView = z.infer<typeof c.surveyView>;
export type CommentView = z.infer<typeof c.commentView>;
export type CommentList = z.infer<typeof c.commentList>;
export type BoardView = z.infer<typeof c.boardView>;
export type OverdueList = z.infer<typeof c.overdueList>;
export type OverdueReason = z.infer<typeof c.overdueReason>;
export type MatterSummaryView = z.infer<typeof c.matterSummaryView>;
export type ConsultationSettingsView = z.infer<typeof c.consultationSettingsView>;
export type ConsultationSettingsBody = c.ConsultationSettingsBody;
export type RaiseMatterBody = c.RaiseMatterBody;
export type AdvanceMatterBody = c.AdvanceMatterBody;
export type SurveyQuestionInput = z.input<typeof c.surveyQuestionInput>;
export type AddTaskBody = z.input<typeof c.addTaskBody>;
export type AttachmentInput = z.input<typeof c.attachmentInput>;

/** The main line of the procedure, in order (the board's columns); the side steps follow. */
export const mainSteps: readonly MatterStep[] = ['propose', 'consult', 'deliberate', 'resolve', 'publish_resolution', 'implement', 'publish_results', 'closed'];
export const sideSteps: readonly MatterStep[] = ['escalated', 'declined', 'withdrawn'];
export const allSteps: readonly MatterStep[] = [...mainSteps, ...sideSteps];
export const sources: readonly MatterSource[] = ['residents', 'owners_committee', 'property_company', 'grid_worker', 'community', 'complaint'];
export const responsibleParties: readonly ResponsibleParty[] = ['property_company', 'owners_committee', 'residents_committee', 'party_organisation', 'other'];
