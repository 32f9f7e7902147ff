import { disableUser, enableUser, userByUsername } from '../../../server/modules/accounts/index.ts';
import { systemActor } from '../../../server/platform/actor.ts';
import { AppError } from '../../../server/platform/errors.ts';
import { EXIT, parseCli, UsageError, type CliCommand } from '../../command.ts';
import { withDatabase } from '../../runtime.ts';

/** `siyi user disable|enable USERNAME`: the same commands as POST /api/users/:id/disable|enable. */
function statusCommand(verb: 'disable' | 'enable'): CliCommand {
  return {
    path: ['user', verb],
    summary: verb === 'disable' ? 'Disable a staff account and end its sessions' : 'Enable a disabled staff account',
    help: `Usage: siyi user ${verb} USERNAME

${verb === 'disable'
    ? 'Disables the account: it can no longer log in, and its open sessions end at once.'
    : 'Enables a disabled account again and clears its failed-login delay.'}

Exit codes: 0 done, 1 the account is already ${verb}d, 2 no such username.`,
    async run(argv, io) {
      const { positionals } = parseCli(argv, {}, true);
      if (positionals.length !== 1) throw new UsageError(`expected one USERNAME, got ${positionals.length}`);
      const username = positionals[0];
      return withDatabase(async ({ db }) => {
        const user = await userByUsername(db, username);
        if (!user) throw new AppError('not_found', `USERNAME: no staff account named "${username}"`);
        const ctx = { db, actor: systemActor() };
        const view = verb === 'disable' ? await disableUser(ctx, user.id) : await enableUser(ctx, user.id);
        io.out(`${verb === 'disable' ? 'Disabled' : 'Enabled'} ${view.username} (${view.displayName}).`);
        return EXIT.ok;
      });
    },
  };
}

export const userDisableCommand = statusCommand('disable');
export const userEnableCommand = statusCommand('enable');
