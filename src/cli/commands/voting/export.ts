/**
 * `siyi vote export VOTE`: writes the siyi.vote-record/1 document of a counted vote, exactly the
 * text the platform counted, so that `siyi tally` can recount it anywhere.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { EXIT, parseCli, UsageError, type CliCommand } from '../../command.ts';
import { withDatabase } from '../../runtime.ts';
import { findVote, recordQuestion, writeVoteRecord } from '../../../server/modules/voting/index.ts';
import { AppError } from '../../../server/platform/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HELP = `Usage: siyi vote export VOTE [--question ID] [--out FILE]

Print (or write to FILE) the vote record (format siyi.vote-record/1) of a counted or published
vote: the frozen electorate's units with their areas, owner ids and named voters, and the
accepted ballots, as the platform counted them. No names or phone numbers. Recount it with
\`siyi tally FILE\`; the result is the one the platform published.

Arguments:
  VOTE            the vote's id

Options:
  --question ID   the question to export (needed when the vote has several)
  --out FILE      write to FILE instead of standard output
  -h, --help      show this help

Exit codes:
  0  exported
  1  no such vote, or it is not counted yet
  2  bad arguments
`;

export const voteExportCommand: CliCommand = {
  path: ['vote', 'export'],
  summary: 'Export the vote record of a counted vote, for `siyi tally`',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCli(argv, { question: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
    if (values.help) {
      io.out(HELP);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one VOTE id');
    const [voteId] = positionals;
    if (!UUID.test(voteId)) throw new UsageError(`VOTE: "${voteId}" is not a vote id (a UUID)`);
    if (values.question !== undefined && !UUID.test(values.question)) throw new UsageError(`--question: "${values.question}" is not a question id (a UUID)`);
    return withDatabase(async (database) => {
      const vote = await findVote(database.db, voteId);
      if (!vote) {
        io.err(`VOTE: no vote ${voteId}`);
        return EXIT.failure;
      }
      try {
        const question = await recordQuestion(database.db, vote, values.question);
        if (values.out) {
          const file = createWriteStream(values.out);
          await writeVoteRecord(database.db, vote, question, (text) => (file.write(text) ? undefined : once(file, 'drain').then(() => undefined)));
          await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
          io.err(`Wrote the record of question ${question.id} to ${values.out}.`);
        } else {
          let text = '';
          await writeVoteRecord(database.db, vote, question, (piece) => { text += piece; });
          io.out(text.trimEnd());
        }
        return EXIT.ok;
      } catch (error) {
        if (error instanceof AppError) {
          io.err(error.message);
          return error.code === 'validation_failed' ? EXIT.usage : EXIT.failure;
        }
        throw error;
      }
    });
  },
};
