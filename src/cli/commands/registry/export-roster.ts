import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { exportRoster, rosterFileName } from '../../../server/modules/registry/index.ts';
import type { Db } from '../../../server/platform/db.ts';
import { EXIT, parseCli, UsageError, type CliCommand, type CliIO } from '../../command.ts';
import { withDatabase } from '../../runtime.ts';
import { compoundArgument } from './import-roster.ts';

/** The command's work on an open database; `out` undefined means roster-<code>.xlsx here, "-" standard output. */
export async function runExportRoster(db: Db, args: { compound: string | undefined; out: string | undefined }, io: CliIO): Promise<number> {
  const compound = await compoundArgument(db, args.compound);
  const toStdout = args.out === '-';
  const file = toStdout ? null : path.resolve(args.out ?? rosterFileName(compound));
  if (file && !fs.existsSync(path.dirname(file))) throw new UsageError(`--out: the folder ${path.dirname(file)} does not exist`);
  const stream: Writable = file ? fs.createWriteStream(file) : process.stdout;
  const { units } = await exportRoster(db, compound, stream);
  if (file) await finished(stream);
  const message = `Wrote the roster of ${compound.name} (${compound.code}): ${units} unit${units === 1 ? '' : 's'}${file ? ` to ${file}` : ''}.`;
  if (toStdout) io.err(message);
  else io.out(message);
  return EXIT.ok;
}

export const exportRosterCommand: CliCommand = {
  path: ['export', 'roster'],
  summary: "Write a compound's roster as XLSX in the columns `siyi import roster` reads",
  help: `Usage: siyi export roster --compound ID [--out FILE]

Writes every unit of the compound with its areas and current owners (names, phones, the last four
characters of ID numbers) in the import's columns, so the file re-imports with no change. A
compound without units gives the blank template; the second sheet explains each column.

Options:
  --compound ID   the compound's id, or its code
  --out FILE      where to write (default: roster-<code>.xlsx in the current folder; "-" for standard output)

Exit codes: 0 written, 1 failure, 2 bad argument.`,
  async run(argv, io) {
    const { values } = parseCli(argv, { compound: { type: 'string' }, out: { type: 'string' } });
    if (!values.compound) throw new UsageError('--compound is required (the compound id, or its code)');
    return withDatabase((database) => runExportRoster(database.db, { compound: values.compound, out: values.out }, io));
  },
};
