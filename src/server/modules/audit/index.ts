// The audit module's public face: other modules import only from here.
export { appendAudit, appendAuditEvents, lockAuditHeads, lockedHeads, type AuditInput, type AuditActor, type LockedHeads } from './audit.writer.ts';
export { GLOBAL_CHAIN } from './domain/chain.ts';
export { auditRoutes } from './audit.routes.ts';
export { verifyAuditChains } from './audit.verify.ts';
