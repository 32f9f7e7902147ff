import { describe, it, expect } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tallyCommand } from '../../../src/cli/commands/voting/tally.ts';
import { EXIT, UsageError, type CliIO } from '../../../src/cli/command.ts';
import { tempDir } from '../../support/temp.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (text) => out.push(text), err: (text) => err.push(text), interactive: false };
  return { io, out, err };
}

const dir = tempDir('siyi-tally-');
const example = readFileSync(new URL('../../fixtures/vote-records/spec-example.json', import.meta.url), 'utf8');

describe('siyi tally FILE', () => {
  it('prints the result as 2-space JSON and exits 0', async () => {
    const file = join(dir, 'example.json');
    writeFileSync(file, example);
    const { io, out, err } = capture();
    expect(await tallyCommand.run([file], io)).toBe(EXIT.ok);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('\n  "passed": false,');
    const printed = JSON.parse(out[0]);
    expect(printed).toMatchObject({ passed: false, class: 'ordinary', participation: { area: { value: '319.55' } } });
  });

  it('exits 2 and names the field when the record is malformed', async () => {
    const file = join(dir, 'bad.json');
    const record = JSON.parse(example);
    record.units[3].area.registered = '12.345';
    writeFileSync(file, JSON.stringify(record));
    const { io, out, err } = capture();
    expect(await tallyCommand.run([file], io)).toBe(EXIT.usage);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('units[3].area.registered: "12.345" has more than two decimals');
  });

  it('exits 2 when the file cannot be read or is not JSON', async () => {
    const missing = capture();
    expect(await tallyCommand.run([join(dir, 'nope.json')], missing.io)).toBe(EXIT.usage);
    expect(missing.err.join('\n')).toContain('cannot read the file (ENOENT)');

    const file = join(dir, 'text.json');
    writeFileSync(file, 'not json');
    const garbled = capture();
    expect(await tallyCommand.run([file], garbled.io)).toBe(EXIT.usage);
    expect(garbled.err.join('\n')).toContain('not valid JSON');
  });

  it('shows help and refuses a missing FILE as a usage error', async () => {
    const help = capture();
    expect(await tallyCommand.run(['--help'], help.io)).toBe(EXIT.ok);
    expect(help.out.join('')).toContain('Usage: siyi tally FILE');
    expect(tallyCommand.path).toEqual(['tally']);
    await expect(tallyCommand.run([], capture().io)).rejects.toBeInstanceOf(UsageError);
  });
});
