// The consultation module's public face: other modules import only from here.
export { consultationRoutes } from './consultation.routes.ts';
export { raiseMatter } from './commands/raise-matter.ts';
export { advanceMatter } from './commands/advance-matter.ts';
export type { ConsultationContext } from './commands/support.ts';
export { viewerOf } from './consultation.access.ts';
export { findMatter } from './repo/matters.ts';
export { medianDaysPerStep, overdueMatters } from './consultation.stats.ts';
export { STEPS, MOVES } from './domain/steps.ts';
