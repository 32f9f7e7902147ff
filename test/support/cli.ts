import { main } from '../../src/cli/main.ts';
import { tempDir } from './temp.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `siyi ...args` in-process with captured output and the given environment overrides. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let out = '';
  let err = '';
  try {
    const code = await main(args, { out: (s) => { out += `${s}\n`; }, err: (s) => { err += `${s}\n`; }, interactive: false });
    return { code, out, err };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A throw-away data directory for the embedded database. */
export function tempDataDir(): string {
  return tempDir('siyi-test-');
}
