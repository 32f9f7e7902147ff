import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../support/db.ts';
import type { Database } from '../../../src/server/platform/db.ts';
import { appendAudit, verifyAuditChains } from '../../../src/server/modules/audit/index.ts';
import { transaction } from '../../../src/server/platform/command.ts';

const A = '44444444-4444-4444-8444-444444444444';
let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('audit trail under concurrent writers (PostgreSQL)', () => {
  it('serialises 40 simultaneous appends into one gap-free chain', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => transaction(database.db, (tx) =>
      appendAudit(tx, { kind: 'registry.unit_updated', communityId: A, actor: { userId: null, label: 'test' }, objectType: 'unit', objectId: `u${i}` }))));
    const result = await verifyAuditChains(database.db, A);
    expect(result).toEqual({ chains: 1, events: 40, broken: [] });
  });
});
