import type { CliCommand } from '../command.ts';
import { serveCommand } from './platform/serve.ts';
import { migrateCommand } from './platform/migrate.ts';
import { auditVerifyCommand } from './audit/verify.ts';
import { tallyCommand } from './voting/tally.ts';
import { voteExportCommand } from './voting/export.ts';
import { accountsCommands } from './accounts/index.ts';
import { importRosterCommand } from './registry/import-roster.ts';
import { exportRosterCommand } from './registry/export-roster.ts';
import { demoCommand } from './registry/demo.ts';

/** Every `siyi` command, in the order `siyi --help` lists them. */
export const commands: CliCommand[] = [
  serveCommand,
  migrateCommand,
  auditVerifyCommand,
  tallyCommand,
  voteExportCommand,
  ...accountsCommands,
  importRosterCommand,
  exportRosterCommand,
  demoCommand,
];
