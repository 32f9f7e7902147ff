import type { CliCommand } from '../command.ts';
import { serveCommand } from './platform/serve.ts';
import { migrateCommand } from './platform/migrate.ts';
import { auditVerifyCommand } from './audit/verify.ts';

/** Every `siyi` command, in the order `siyi --help` lists them. */
export const commands: CliCommand[] = [
  serveCommand,
  migrateCommand,
  auditVerifyCommand,
];
