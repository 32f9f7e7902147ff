import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginStaff, type TestApp } from '../../support/app.ts';
import { buildBuilding, buildCommunity, buildCompound, buildStaff } from '../../support/factories.ts';
import { runCli } from '../../support/cli.ts';
import { systemActor } from '../../../src/server/platform/actor.ts';
import type { CliIO } from '../../../src/cli/command.ts';
import { runImportRoster } from '../../../src/cli/commands/registry/import-roster.ts';
import { runExportRoster } from '../../../src/cli/commands/registry/export-roster.ts';
import { importRoster } from '../../../src/server/modules/registry/index.ts';
import { fixture, importThroughApi, fileOf, snapshot } from './support.ts';
import { tempDir } from '../../support/temp.ts';

let t: TestApp;
let communityId: string;
const dir = tempDir('siyi-roster-');

async function freshCompound() {
  const compound = await buildCompound(t.app.db, { communityId });
  await buildBuilding(t.app.db, { compound, name: '1栋' });
  return compound;
}

function captureIo(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), interactive: false };
}

beforeAll(async () => {
  t = await createTestApp();
  communityId = (await buildCommunity(t.app.db)).id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('all or nothing', () => {
  it('leaves the compound exactly as before when a write fails half way, and says so on the job', async () => {
    const compound = await freshCompound();
    const cookie = await loginStaff(t.app, ...(await staffLogin(compound.communityId)));
    await importThroughApi(t.app, cookie, compound.id, fileOf('good.csv'), { dryRun: 'false', createBuildings: 'true' });
    // a trigger that refuses one owner's ownership: units, people and other ownerships are written first
    await t.database.exec(`
      create or replace function roster_test_refuse() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from people where community_id = new.community_id and id = new.person_id and name = '拒绝') then
          raise exception 'refused by the test trigger';
        end if;
        return new;
      end $$;
      create trigger roster_test_refuse before insert on ownerships for each row execute function roster_test_refuse();`);
    try {
      const before = await snapshot(t.app.db, communityId);
      const sheet = path.join(dir, 'refused.csv');
      fs.writeFileSync(sheet, `${fs.readFileSync(fixture('good.csv'), 'utf8').trimEnd()}\r\n3栋,301,住宅,66,实测,周九,,,,,\r\n3栋,302,住宅,67,实测,拒绝,,,,,\r\n`);
      const job = await importThroughApi(t.app, cookie, compound.id, { name: 'refused.csv', bytes: fs.readFileSync(sheet) }, { dryRun: 'false', createBuildings: 'true' });
      expect(job).toMatchObject({ status: 'failed', summary: null, error: expect.stringContaining('refused by the test trigger') });
      expect(await snapshot(t.app.db, communityId)).toEqual(before);
    } finally {
      await t.database.exec('drop trigger roster_test_refuse on ownerships; drop function roster_test_refuse();');
    }
  });

  it('writes nothing when any row has a problem, even with --create-buildings', async () => {
    const compound = await freshCompound();
    const before = await snapshot(t.app.db, communityId);
    const result = await importRoster({ db: t.app.db, actor: systemActor('test') }, {
      compoundId: compound.id, file: fixture('bad.csv'), fileName: 'bad.csv', dryRun: false, createBuildings: true,
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({ row: 2, column: '面积', message: '"12.345" has more than two decimals' });
    expect(await snapshot(t.app.db, communityId)).toEqual(before);
  });
});

describe('progress', () => {
  it('reports the phases in order and counts rows up to the total', async () => {
    const compound = await freshCompound();
    const phases: string[] = [];
    let last: [number, number] = [0, 0];
    const result = await importRoster({ db: t.app.db, actor: systemActor('test') }, {
      compoundId: compound.id, file: fixture('good-en.csv'), fileName: 'good-en.csv', dryRun: false, createBuildings: true,
    }, {
      async phase(p) {
        phases.push(p);
      },
      rows(done, total) {
        expect(done).toBeLessThanOrEqual(total);
        last = [done, total];
      },
    });
    expect(result.ok).toBe(true);
    expect(phases).toEqual(['parsing', 'validating', 'writing']);
    expect(last).toEqual([6, 6]);
  });
});

describe('CLI', () => {
  it('prints each problem as "row N, column: message" and exits 2', async () => {
    const compound = await freshCompound();
    const io = captureIo();
    const code = await runImportRoster(t.app.db, null, { file: fixture('bad.csv'), compound: compound.id, dryRun: true, createBuildings: false }, io);
    expect(code).toBe(2);
    expect(io.stdout[0]).toBe('row 2, 面积: "12.345" has more than two decimals');
    expect(io.stdout).toHaveLength(17);
    expect(io.stderr.at(-1)).toBe('17 problems in bad.csv; nothing was imported.');
  });

  it('dry-runs, imports, exports and re-imports the export with no change', async () => {
    const compound = await freshCompound();
    const dry = captureIo();
    expect(await runImportRoster(t.app.db, null, { file: fixture('good.csv'), compound: compound.code, dryRun: true, createBuildings: true }, dry)).toBe(0);
    expect(dry.stdout[0]).toMatch(/^Dry run: 6 rows of good.csv have no problems/);
    expect(dry.stderr).toContain('Reading…');

    const real = captureIo();
    expect(await runImportRoster(t.app.db, null, { file: fixture('good.csv'), compound: compound.id, dryRun: false, createBuildings: true }, real)).toBe(0);
    expect(real.stdout).toContain('  units:     6 created, 0 updated, 0 unchanged, 0 in the registry but not in the sheet (kept)');

    const out = path.join(dir, 'export.xlsx');
    const exported = captureIo();
    expect(await runExportRoster(t.app.db, { compound: compound.id, out }, exported)).toBe(0);
    expect(exported.stdout[0]).toBe(`Wrote the roster of ${compound.name} (${compound.code}): 6 units to ${out}.`);

    const again = captureIo();
    expect(await runImportRoster(t.app.db, null, { file: out, compound: compound.id, dryRun: false, createBuildings: false }, again)).toBe(0);
    expect(again.stdout).toContain('  units:     0 created, 0 updated, 6 unchanged, 0 in the registry but not in the sheet (kept)');
    expect(again.stdout).toContain('  owners:    0 ownerships opened, 0 closed, 0 voter flags changed');
  });

  it('writes the blank template for a compound without units', async () => {
    const compound = await freshCompound();
    const out = path.join(dir, 'template.xlsx');
    expect(await runExportRoster(t.app.db, { compound: compound.id, out }, captureIo())).toBe(0);
    const io = captureIo();
    expect(await runImportRoster(t.app.db, null, { file: out, compound: compound.id, dryRun: true, createBuildings: false }, io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^Dry run: 0 rows of template.xlsx have no problems/);
  });

  it('has --help, and names a missing file or compound', async () => {
    for (const words of [['import', 'roster'], ['export', 'roster']]) {
      const help = await runCli([...words, '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: siyi ${words.join(' ')}`);
    }
    expect(await runCli(['import', 'roster', '--compound', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('FILE is required') });
    expect(await runCli(['import', 'roster', path.join(dir, 'nope.csv'), '--compound', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('does not exist') });
    const io = captureIo();
    await expect(runImportRoster(t.app.db, null, { file: fixture('good.csv'), compound: 'NO-SUCH', dryRun: true, createBuildings: false }, io)).rejects.toThrow('--compound: no compound "NO-SUCH"');
  });
});

async function staffLogin(scopeId: string): Promise<[string, string]> {
  const user = await buildStaff(t.app.db, { role: 'community_staff', scopeId });
  return [user.username, user.password];
}
