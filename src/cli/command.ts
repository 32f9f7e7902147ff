import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes shared by every command: 0 success, 1 failure, 2 bad usage or bad input. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** true when stderr is a terminal, so progress bars may redraw in place */
  interactive: boolean;
}

export interface CliCommand {
  /** words after `siyi`, e.g. ['import', 'roster'] */
  path: string[];
  summary: string;
  /** full help text printed for --help */
  help: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** A usage error: printed with the command's help hint and exit code 2. */
export class UsageError extends Error {}

/**
 * parseArgs with errors that name the offending argument. Unknown options and missing values
 * become UsageError, which main() turns into exit code 2.
 */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
