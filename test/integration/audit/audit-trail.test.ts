import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDatabase } from '../../support/db.ts';
import type { Database } from '../../../src/server/platform/db.ts';
import { appendAudit, verifyAuditChains, GLOBAL_CHAIN } from '../../../src/server/modules/audit/index.ts';
import { transaction } from '../../../src/server/platform/command.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const actor = { userId: null, label: 'test' };

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

async function append(communityId: string | null, n: number) {
  for (let i = 0; i < n; i++) {
    await transaction(database.db, (tx) =>
      appendAudit(tx, { kind: 'registry.unit_updated', communityId, actor, objectType: 'unit', objectId: `u${i}`, before: { i }, after: { i: i + 1, at: new Date(0) } }));
  }
}

describe('audit trail', () => {
  it('chains each community separately and verifies intact chains', async () => {
    await append(A, 3);
    await append(B, 2);
    await append(null, 1);
    const rows = await database.query<{ community_id: string; seq: number }>('select community_id, seq from audit_events order by community_id, seq');
    expect(rows.filter((r) => r.community_id === A).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows.filter((r) => r.community_id === GLOBAL_CHAIN)).toHaveLength(1);
    expect(await verifyAuditChains(database.db)).toEqual({ chains: 3, events: 6, broken: [] });
  });

  it('refuses UPDATE and DELETE on the trail', async () => {
    await expect(database.query(`update audit_events set kind = 'x' where community_id = $1`, [A])).rejects.toThrow(/append-only/);
    await expect(database.query(`delete from audit_events where community_id = $1`, [A])).rejects.toThrow(/append-only/);
  });

  it('rolls the audit row back with the change', async () => {
    await expect(transaction(database.db, async (tx) => {
      await appendAudit(tx, { kind: 'registry.unit_updated', communityId: A, actor, objectType: 'unit', objectId: 'x' });
      throw new Error('change failed');
    })).rejects.toThrow('change failed');
    const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from audit_events where community_id = $1', [A]);
    expect(n).toBe(3);
  });

  it('names the first altered event when someone bypasses the trigger', async () => {
    await database.exec('alter table audit_events disable trigger audit_events_append_only');
    await database.query(`update audit_events set after = '{"i": 99}' where community_id = $1 and seq = 2`, [A]);
    await database.exec('alter table audit_events enable trigger audit_events_append_only');
    const result = await verifyAuditChains(database.db, A);
    expect(result.broken).toEqual([expect.objectContaining({ communityId: A, seq: 2, reason: 'hash_mismatch' })]);
    const other = await verifyAuditChains(database.db, B);
    expect(other.broken).toEqual([]);
  });

  it('notices a removed tail through the chain head', async () => {
    await database.exec('alter table audit_events disable trigger audit_events_append_only');
    await database.query('delete from audit_events where community_id = $1 and seq = 2', [B]);
    await database.exec('alter table audit_events enable trigger audit_events_append_only');
    const result = await verifyAuditChains(database.db, B);
    expect(result.broken).toEqual([expect.objectContaining({ communityId: B, seq: 2, reason: 'seq_gap' })]);
  });

  it('stores exactly what it hashed, whatever jsonb does to key order', async () => {
    const C = '33333333-3333-4333-8333-333333333333';
    await transaction(database.db, (tx) =>
      appendAudit(tx, { kind: 'registry.unit_updated', communityId: C, actor, objectType: 'unit', objectId: 'k', after: { zeta: 1, alpha: { b: 2, a: [3, 'x'] }, longer_key: true } }));
    expect((await verifyAuditChains(database.db, C)).broken).toEqual([]);
    void sql;
  });
});
