/**
 * `siyi tally FILE`: recount an exported vote record. Needs no server and no database: it reads
 * the file and runs the same pure tally the platform publishes with (owners-vote.md §7).
 */
import { readFile } from 'node:fs/promises';
import { EXIT, parseCli, UsageError, type CliCommand } from '../../command.ts';
import { formatFieldError, recountText } from '../../../server/modules/voting/domain/index.ts';

const HELP = `Usage: siyi tally FILE

Recount an owners' vote from its exported record (format siyi.vote-record/1) and print the
result as JSON: passed, class, participation, approval and one explanation per voting subject
for a decision; candidates in rank order, elected, alternates, unfilled seats and any tie for an
election. Every figure is exact: areas are printed with two decimals.

Needs no server and no database.

Arguments:
  FILE          the vote record, a JSON file

Options:
  -h, --help    show this help

Exit codes:
  0  counted; the result is on standard output
  2  the file cannot be read, or the record is malformed (the message names the field)
`;

export const tallyCommand: CliCommand = {
  path: ['tally'],
  summary: 'Recount an owners\u2019 vote from an exported vote record',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCli(argv, { help: { type: 'boolean', short: 'h' } }, true);
    if (values.help) {
      io.out(HELP);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE to count');
    const [file] = positionals;

    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return EXIT.usage;
    }
    const result = recountText(text);
    if (!result.ok) {
      io.err(`${file}: malformed vote record: ${formatFieldError(result.error)}`);
      return EXIT.usage;
    }
    io.out(JSON.stringify(result.value, null, 2));
    return EXIT.ok;
  },
};
