import { EXIT, parseCli, UsageError, type CliCommand } from '../../command.ts';
import { withDatabase } from '../../runtime.ts';
import { verifyAuditChains } from '../../../server/modules/audit/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const auditVerifyCommand: CliCommand = {
  path: ['audit', 'verify'],
  summary: 'Recompute the audit hash chains and name the first broken event',
  help: `Usage: siyi audit verify [--community ID] [--json]

Recomputes every event's hash and its link to the previous one, per community chain (and the
installation-wide chain). Exit code 0 when every chain is intact, 1 when one is broken: the
first broken event of each broken chain is named.

Options:
  --community ID   verify one community's chain only
  --json           print the result as JSON`,
  async run(argv, io) {
    const { values } = parseCli(argv, { community: { type: 'string' }, json: { type: 'boolean' } });
    if (values.community !== undefined && !UUID.test(values.community)) {
      throw new UsageError(`--community: "${values.community}" is not a community id (a UUID)`);
    }
    return withDatabase(async (database) => {
      const result = await verifyAuditChains(database.db, values.community);
      if (values.json) {
        io.out(JSON.stringify(result, null, 2));
      } else if (!result.broken.length) {
        io.out(`Audit trail intact: ${result.events} events in ${result.chains} chain(s).`);
      } else {
        for (const b of result.broken) {
          io.err(`BROKEN chain of community ${b.communityId}: first broken event is seq ${b.seq}${b.id ? ` (id ${b.id})` : ''}: ${describe(b.reason)}`);
        }
      }
      if (values.community && result.chains === 0) io.err(`No audit events for community ${values.community}.`);
      return result.broken.length ? EXIT.failure : EXIT.ok;
    });
  },
};

function describe(reason: string): string {
  if (reason === 'hash_mismatch') return 'its content no longer matches its hash (the event was altered)';
  if (reason === 'prev_hash_mismatch') return 'it does not link to the event before it (an event was altered, inserted or removed)';
  return 'the sequence has a gap or the chain ends before its recorded head (events were removed)';
}
