import { ConfigError } from '../server/platform/config.ts';
import { AppError } from '../server/platform/errors.ts';
import { EXIT, UsageError, type CliCommand, type CliIO } from './command.ts';
import { commands } from './commands/index.ts';

const io: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  interactive: !!process.stderr.isTTY,
};

function overview(): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  return [
    'Usage: siyi <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Run `siyi <command> --help` for the options of one command.',
    'Exit codes: 0 success, 1 failure, 2 bad usage or bad input.',
  ].join('\n');
}

/** Finds the longest command path that prefixes argv. */
function match(argv: string[]): { command: CliCommand; rest: string[] } | null {
  let best: CliCommand | null = null;
  for (const c of commands) {
    if (c.path.every((word, i) => argv[i] === word) && (!best || c.path.length > best.path.length)) best = c;
  }
  return best ? { command: best, rest: argv.slice(best.path.length) } : null;
}

export async function main(argv: string[], cliIo: CliIO = io): Promise<number> {
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    cliIo.out(overview());
    return argv.length ? EXIT.ok : EXIT.usage;
  }
  const found = match(argv);
  if (!found) {
    const group = commands.filter((c) => c.path[0] === argv[0]);
    cliIo.err(group.length
      ? `siyi ${argv[0]}: unknown sub-command "${argv[1] ?? ''}"; one of: ${group.map((c) => c.path.slice(1).join(' ')).join(', ')}`
      : `siyi: unknown command "${argv[0]}"\n\n${overview()}`);
    return EXIT.usage;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    cliIo.out(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, cliIo);
  } catch (e) {
    if (e instanceof UsageError) {
      cliIo.err(`siyi ${command.path.join(' ')}: ${e.message}\nRun \`siyi ${command.path.join(' ')} --help\` for usage.`);
      return EXIT.usage;
    }
    if (e instanceof ConfigError) {
      cliIo.err(`Configuration error: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof AppError) {
      cliIo.err(`Error (${e.code}): ${e.message}${e.details ? `\n${JSON.stringify(e.details, null, 2)}` : ''}`);
      return ['validation_failed', 'bad_request', 'import_invalid', 'not_found', 'duplicate'].includes(e.code) ? EXIT.usage : EXIT.failure;
    }
    cliIo.err(`siyi ${command.path.join(' ')} failed: ${(e as Error).stack ?? e}`);
    return EXIT.failure;
  }
}
