// Every table of every module, for drizzle-kit and the typed database handle. Modules own their
// tables; this file only gathers them.
export * from './platform/platform.tables.ts';
export * from './modules/registry/registry.tables.ts';
export * from './modules/accounts/accounts.tables.ts';
export * from './modules/audit/audit.tables.ts';
export * from './modules/voting/voting.tables.ts';
export * from './modules/notices/notices.tables.ts';
export * from './modules/consultation/consultation.tables.ts';
export * from './modules/meetings/meetings.tables.ts';
