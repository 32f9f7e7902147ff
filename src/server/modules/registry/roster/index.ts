// The roster's public face inside the registry module; registry/index.ts re-exports it.
export { importRoster, type ImportRosterInput, type ImportRosterResult, type ImportProgress, type ImportPhase } from './commands/import-roster.ts';
export { exportRoster, rosterFileName } from './commands/export-roster.ts';
export { findCompoundByIdOrCode } from './roster.repo.ts';
export { idNumberHash, idNumberHasher } from './id-hash.ts';
