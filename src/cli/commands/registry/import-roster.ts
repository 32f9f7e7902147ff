import fs from 'node:fs';
import path from 'node:path';
import type { RosterCounts, RosterProblem } from '../../../contracts/roster.ts';
import { findCompoundByIdOrCode, importRoster, type ImportProgress } from '../../../server/modules/registry/index.ts';
import { systemActor } from '../../../server/platform/actor.ts';
import type { Db } from '../../../server/platform/db.ts';
import { EXIT, parseCli, UsageError, type CliCommand, type CliIO } from '../../command.ts';
import { withDatabase } from '../../runtime.ts';

/** The compound an argument names, by id or by code; a usage error naming --compound otherwise. */
export async function compoundArgument(db: Db, value: string | undefined) {
  if (!value) throw new UsageError('--compound is required (the compound id, or its code)');
  const found = await findCompoundByIdOrCode(db, value);
  if (!found.length) throw new UsageError(`--compound: no compound "${value}"`);
  if (found.length > 1) throw new UsageError(`--compound: the code "${value}" names compounds in several communities; give the id`);
  return found[0];
}

export const formatProblem = (p: RosterProblem) =>
  p.row === 0 ? `file: ${p.message}` : `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`;

export function describeCounts(c: RosterCounts): string[] {
  return [
    `  buildings: ${c.buildingsCreated} created`,
    `  units:     ${c.unitsCreated} created, ${c.unitsUpdated} updated, ${c.unitsUnchanged} unchanged, ${c.unitsNotInSheet} in the registry but not in the sheet (kept)`,
    `  people:    ${c.peopleCreated} created, ${c.peopleUpdated} given a missing phone or ID`,
    `  owners:    ${c.ownershipsOpened} ownerships opened, ${c.ownershipsClosed} closed, ${c.votersChanged} voter flags changed`,
  ];
}

/**
 * A bar redrawn in place on a terminal; otherwise a line at each phase and every 10 % (every
 * 20,000 rows while the total is unknown, as for a workbook without a dimension).
 */
function progressReporter(io: CliIO): ImportProgress & { end(): void } {
  const label = { parsing: 'Reading', validating: 'Checking', writing: 'Writing' } as const;
  let phase: keyof typeof label = 'parsing';
  let lastStep = -1;
  let drawn = false;
  return {
    async phase(next, totalRows) {
      phase = next;
      lastStep = -1;
      if (!io.interactive) io.err(`${label[next]}${totalRows ? ` ${totalRows} rows` : ''}…`);
    },
    rows(done, total) {
      const fraction = total ? Math.min(done / total, 1) : 0;
      if (io.interactive) {
        const bar = total ? ` [${'#'.repeat(Math.round(fraction * 30)).padEnd(30, '.')}] ${String(Math.floor(fraction * 100)).padStart(3)}%` : '';
        process.stderr.write(`\r${label[phase].padEnd(8)}${bar} ${done}${total ? `/${total}` : ''} rows `);
        drawn = true;
        return;
      }
      const step = total ? Math.floor(fraction * 10) : Math.floor(done / 20_000);
      if (step > lastStep) {
        lastStep = step;
        io.err(`  ${label[phase].toLowerCase()}: ${done}${total ? `/${total} rows (${Math.floor(fraction * 100)} %)` : ' rows'}`);
      }
    },
    end() {
      if (drawn) process.stderr.write('\n');
    },
  };
}

export interface ImportRosterArgs {
  file: string;
  compound: string | undefined;
  dryRun: boolean;
  createBuildings: boolean;
}

/** The command's work on an open database; the tests call it with theirs. */
export async function runImportRoster(db: Db, secret: string | null, args: ImportRosterArgs, io: CliIO): Promise<number> {
  const compound = await compoundArgument(db, args.compound);
  const progress = progressReporter(io);
  const result = await importRoster({ db, actor: systemActor('cli') }, {
    compoundId: compound.id,
    file: args.file,
    fileName: path.basename(args.file),
    dryRun: args.dryRun,
    createBuildings: args.createBuildings,
    secret,
  }, progress).finally(() => progress.end());
  if (!result.ok) {
    for (const p of result.problems) io.out(formatProblem(p));
    io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${path.basename(args.file)}; nothing was imported.`);
    return EXIT.usage;
  }
  const s = result.summary!;
  io.out(args.dryRun
    ? `Dry run: ${s.counts.rows} rows of ${s.fileName} have no problems. Importing into ${compound.name} (${compound.code}) would change:`
    : `Imported ${s.counts.rows} rows of ${s.fileName} into ${compound.name} (${compound.code}):`);
  for (const line of describeCounts(s.counts)) io.out(line);
  if (s.ignoredColumns.length) io.out(`  ignored columns: ${s.ignoredColumns.join(', ')}`);
  if (s.encoding && s.encoding !== 'utf-8') io.out(`  read as ${s.encoding.toUpperCase()} text`);
  if (args.dryRun) io.out('Run again without --dry-run to import.');
  return EXIT.ok;
}

export const importRosterCommand: CliCommand = {
  path: ['import', 'roster'],
  summary: "Check and import a compound's roster (units, areas, owners) from XLSX or CSV",
  help: `Usage: siyi import roster FILE --compound ID [--dry-run] [--create-buildings]

Reads the roster sheet (XLSX, or CSV in UTF-8 or GB18030/GBK) and checks every row first. Every
problem is printed as "row 7, 面积: "12.345" has more than two decimals" and nothing is written.
A sheet without problems is imported all or nothing, in one transaction: units are added or
updated by building and number, and where a unit's owners differ its current ownerships are
closed today and the new ones opened. ID numbers are kept only as a salted hash and the last four
characters. The columns are listed in docs/rules/roster.md; \`siyi export roster\` writes them.

Options:
  --compound ID        the compound's id, or its code
  --dry-run            check and report what would change; write nothing
  --create-buildings   create buildings the sheet names that the compound lacks

Exit codes: 0 imported (or a clean dry run), 1 failure, 2 a problem in the sheet or a bad argument.`,
  async run(argv, io) {
    const { values, positionals } = parseCli(argv, {
      compound: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'create-buildings': { type: 'boolean' },
    }, true);
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `give one FILE, not ${positionals.length}` : 'FILE is required (an .xlsx or .csv roster)');
    const file = path.resolve(positionals[0]);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`FILE: "${positionals[0]}" does not exist`);
    if (!values.compound) throw new UsageError('--compound is required (the compound id, or its code)');
    return withDatabase((database, config) => runImportRoster(database.db, config.secret, {
      file, compound: values.compound, dryRun: !!values['dry-run'], createBuildings: !!values['create-buildings'],
    }, io));
  },
};
