import { randomBytes } from 'node:crypto';
import { createUserBody, roleScopeKind, roles } from '../../../contracts/accounts.ts';
import { createUser } from '../../../server/modules/accounts/index.ts';
import { placesByIds } from '../../../server/modules/registry/index.ts';
import { systemActor } from '../../../server/platform/actor.ts';
import { AppError } from '../../../server/platform/errors.ts';
import { EXIT, parseCli, UsageError, type CliCommand } from '../../command.ts';
import { withDatabase } from '../../runtime.ts';

/** The argument behind each field of the API's createUserBody, so errors name what was typed. */
const flagOf: Record<string, string> = {
  username: '--username',
  displayName: '--name',
  password: '--password',
  phone: '--phone',
  'grants.0.role': '--role',
  'grants.0.scopeId': '--scope',
  'grants[0].role': '--role',
  'grants[0].scopeId': '--scope',
};

export const userAddCommand: CliCommand = {
  path: ['user', 'add'],
  summary: 'Create a staff account with one role over one place',
  help: `Usage: siyi user add --username U --name NAME --role ROLE --scope ID [--phone P] [--password P]

Creates a staff account. Without --password a strong one is generated and printed once; give it
to the person and ask them to change it (a password typed here stays in your shell history).

Options:
  --username U   3–40 lower-case letters, digits, dot, dash or underscore
  --name NAME    the display name, e.g. "王芳"
  --role ROLE    one of: ${roles.map((r) => `${r} (over a ${roleScopeKind[r]})`).join(', ')}
  --scope ID     the id of the place the role covers; it must be a place of the role's kind
  --phone P      11-digit mobile number (optional)
  --password P   at least 8 characters (optional)

Exit codes: 0 created, 1 failure, 2 bad argument (named), unknown place or username taken.`,
  async run(argv, io) {
    const { values } = parseCli(argv, {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      phone: { type: 'string' },
      password: { type: 'string' },
    });
    for (const flag of ['username', 'name', 'role', 'scope'] as const) {
      if (values[flag] === undefined) throw new UsageError(`--${flag} is required`);
    }
    const generated = values.password === undefined;
    const parsed = createUserBody.safeParse({
      username: values.username,
      displayName: values.name,
      password: values.password ?? randomBytes(12).toString('base64url'),
      phone: values.phone,
      grants: [{ role: values.role, scopeId: values.scope }],
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`${flagOf[issue.path.join('.')] ?? issue.path.join('.')}: ${issue.message}`);
    }
    const input = parsed.data;
    return withDatabase(async ({ db }) => {
      try {
        const user = await createUser({ db, actor: systemActor() }, input);
        const place = (await placesByIds(db, [input.grants[0].scopeId])).get(input.grants[0].scopeId);
        io.out(`Created user ${user.username} (id ${user.id}): ${input.grants[0].role} of ${place?.name ?? input.grants[0].scopeId}.`);
        if (generated) io.out(`Password (shown once): ${input.password}`);
        return EXIT.ok;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const issue = (e.details as { issues?: { path: string; message: string }[] } | undefined)?.issues?.[0];
        if (e.code === 'validation_failed' && issue && flagOf[issue.path]) throw new UsageError(`${flagOf[issue.path]}: ${issue.message}`);
        if (e.code === 'duplicate') throw new UsageError(`--username: "${input.username}" is taken`);
        throw e;
      }
    });
  },
};
