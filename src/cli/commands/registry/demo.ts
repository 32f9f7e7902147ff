import { EXIT, parseCli, UsageError, type CliCommand } from '../../command.ts';
import { withDatabase } from '../../runtime.ts';
import { DEFAULT_SEED, inspectDemo, loadDemo, profiles, refusalOf } from '../../../server/demo/index.ts';

export const demoCommand: CliCommand = {
  path: ['demo'],
  summary: 'Load the demo district (full: 50 communities; --small: 3) into an empty database',
  help: `Usage: siyi demo [--small] [--seed N]

Loads the invented demo district into the database that the environment selects
(DATABASE_URL=postgres://… for PostgreSQL, otherwise the embedded PGlite in $SIYI_DATA_DIR),
with its demo accounts. The same seed always gives the same rows, ids included.

  full     ${profiles.full.streets} streets, ${profiles.full.communities} communities of about 2,500 households, ${profiles.full.grids} grids,
           ${profiles.full.partyOrganisations} Party organisations, ${profiles.full.partyMembers} Party members (about 125,000 units)
  --small  ${profiles.small.streets} street, ${profiles.small.communities} communities of a few compounds (a few seconds; for tests and trials)

Refuses (exit 2) when the database already holds a district, so nothing is ever duplicated;
use a fresh SIYI_DATA_DIR or database instead. A load that was interrupted resumes where it
stopped when run again with the same size and seed. See docs/rules/demo.md.

Options:
  --small    the small demo instead of the full one
  --seed N   integer seed, 0 to 4294967295 (default ${DEFAULT_SEED})`,
  async run(argv, io) {
    const { values } = parseCli(argv, { small: { type: 'boolean' }, seed: { type: 'string' } });
    const size = values.small ? 'small' : 'full';
    const seedText = values.seed ?? String(DEFAULT_SEED);
    if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff) {
      throw new UsageError(`--seed: "${seedText}" is not an integer from 0 to 4294967295`);
    }
    const seed = Number(seedText);
    return withDatabase(async (database) => {
      const inspection = await inspectDemo(database);
      const refusal = refusalOf(inspection, size, seed);
      if (refusal) {
        io.err(`siyi demo: ${refusal}\nNothing was changed. Point SIYI_DATA_DIR or DATABASE_URL at an empty database to load the demo.`);
        return EXIT.usage;
      }
      const resuming = inspection.kind === 'demo';
      io.err(`${resuming ? 'Resuming' : 'Loading'} the ${size} demo district (seed ${seed}) into the ${database.kind === 'embedded' ? 'embedded PGlite' : 'PostgreSQL'} database…`);
      const result = await loadDemo(database, {
        size,
        seed,
        actorLabel: 'cli',
        onProgress: (p) => {
          const line = `  ${p.done}/${p.total} communities (${p.community})`;
          if (io.interactive) process.stderr.write(`\r${line.padEnd(60)}${p.done === p.total ? '\n' : ''}`);
          else if (p.done === p.total || p.done % 10 === 0 || p.total <= 10) io.err(line);
        },
      });
      io.out(`Demo district ${result.plan.district.name} loaded: ${result.communitiesLoaded} communities in ${(result.ms / 1000).toFixed(1)} s.`);
      io.out('\nDemo accounts (staff password: demo1234; owners log in by phone with a one-time code):');
      for (const a of result.accounts) io.out(`  ${a.role.padEnd(18)} ${a.login.padEnd(13)} ${a.note}`);
      return EXIT.ok;
    });
  },
};
