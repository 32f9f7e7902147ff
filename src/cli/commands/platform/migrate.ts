import { EXIT, parseCli, type CliCommand } from '../../command.ts';
import { withDatabase } from '../../runtime.ts';
import { migrationStatus } from '../../../server/platform/db.ts';

export const migrateCommand: CliCommand = {
  path: ['migrate'],
  summary: 'Apply the database migrations (embedded PGlite, or DATABASE_URL)',
  help: `Usage: siyi migrate

Applies every pending migration to the database that the environment selects:
DATABASE_URL=postgres://… for PostgreSQL, otherwise the embedded PGlite in $SIYI_DATA_DIR (./data).`,
  async run(argv, io) {
    parseCli(argv, {});
    return withDatabase(async (database) => {
      const status = await migrationStatus(database);
      io.out(`Migrations current on ${database.kind} database: ${status.applied}/${status.expected} applied.`);
      return EXIT.ok;
    });
  },
};
