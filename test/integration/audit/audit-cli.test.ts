import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../support/cli.ts';
import { migrate, openDatabase } from '../../../src/server/platform/db.ts';
import { appendAudit } from '../../../src/server/modules/audit/index.ts';
import { transaction } from '../../../src/server/platform/command.ts';

const C = '55555555-5555-4555-8555-555555555555';

describe('siyi audit verify', () => {
  it('exits 0 on an intact trail and 1 naming the first broken event', async () => {
    const dir = tempDataDir();
    const env = { SIYI_DATA_DIR: dir, DATABASE_URL: undefined };
    const database = await openDatabase({ database: { kind: 'embedded', dataDir: `${dir}/pglite` } });
    await migrate(database);
    for (let i = 0; i < 3; i++) {
      await transaction(database.db, (tx) => appendAudit(tx, { kind: 'registry.unit_updated', communityId: C, actor: { userId: null, label: 't' }, objectType: 'unit', objectId: `u${i}` }));
    }
    await database.close();

    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('3 events');

    const tamper = await openDatabase({ database: { kind: 'embedded', dataDir: `${dir}/pglite` } });
    await tamper.exec('alter table audit_events disable trigger audit_events_append_only');
    await tamper.query(`update audit_events set object_id = 'forged' where seq = 2`);
    await tamper.close();

    const broken = await runCli(['audit', 'verify', '--community', C], env);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('seq 2');
  });

  it('rejects a malformed community id with exit code 2', async () => {
    const res = await runCli(['audit', 'verify', '--community', 'nope'], { SIYI_DATA_DIR: tempDataDir() });
    expect(res.code).toBe(2);
    expect(res.err).toContain('--community');
  });

  it('names a bad environment variable with exit code 2', async () => {
    const res = await runCli(['audit', 'verify'], { DATABASE_URL: 'mysql://x' });
    expect(res.code).toBe(2);
    expect(res.err).toContain('DATABASE_URL');
  });
});
