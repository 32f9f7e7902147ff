import { listManagedUsers, toUserView } from '../../../server/modules/accounts/index.ts';
import { systemActor } from '../../../server/platform/actor.ts';
import { EXIT, parseCli, type CliCommand } from '../../command.ts';
import { withDatabase } from '../../runtime.ts';

export const userListCommand: CliCommand = {
  path: ['user', 'list'],
  summary: 'List staff accounts with their roles',
  help: `Usage: siyi user list [--search TEXT] [--json]

Lists every staff account by username, with its status and roles.

Options:
  --search TEXT  only accounts whose username or display name contains TEXT
  --json         print the accounts as a JSON array (the API's user view)`,
  async run(argv, io) {
    const { values } = parseCli(argv, { search: { type: 'string' }, json: { type: 'boolean' } });
    return withDatabase(async ({ db }) => {
      const actor = systemActor();
      const users = (await listManagedUsers(db, actor, values.search?.trim() || undefined)).map((u) => toUserView(actor, u));
      if (values.json) {
        io.out(JSON.stringify(users, null, 2));
        return EXIT.ok;
      }
      if (!users.length) {
        io.out(values.search ? `No staff account matches "${values.search}".` : 'No staff accounts yet. Create one with `siyi user add`.');
        return EXIT.ok;
      }
      const width = Math.max(8, ...users.map((u) => u.username.length));
      io.out(`${'USERNAME'.padEnd(width)}  ${'STATUS'.padEnd(8)}  NAME / ROLES`);
      for (const u of users) {
        const grants = u.grants.map((g) => `${g.role} of ${g.scopeName ?? g.scopeId}`).join(', ') || '(no role)';
        io.out(`${u.username.padEnd(width)}  ${(u.disabled ? 'disabled' : 'active').padEnd(8)}  ${u.displayName}: ${grants}`);
      }
      io.out(`${users.length} account(s).`);
      return EXIT.ok;
    });
  },
};
