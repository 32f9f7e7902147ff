import type { CliCommand } from '../../command.ts';
import { userAddCommand } from './user-add.ts';
import { userListCommand } from './user-list.ts';
import { userDisableCommand, userEnableCommand } from './user-status.ts';

/** `siyi user …`: staff accounts, through the same commands as the API. */
export const accountsCommands: CliCommand[] = [userAddCommand, userListCommand, userDisableCommand, userEnableCommand];
