import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../support/db.ts';
import { loadDemo } from '../../../src/server/demo/index.ts';
import { communityFigures } from '../../../src/server/modules/registry/index.ts';

// Slow (about 35 s on PGlite, 13 s on PostgreSQL on a 2-core machine), so not part of the suite:
// run it with SIYI_TEST_FULL_DEMO=1 npx vitest run --project pglite --project postgres test/integration/demo/full-load.test.ts
// bench/demo.ts measures the same load table by table.
describe.runIf(process.env.SIYI_TEST_FULL_DEMO === '1')('the full demo, loaded', () => {
  it('loads 50 communities with the reference district\'s figures', { timeout: 300_000 }, async () => {
    const database = await freshDatabase();
    try {
      const result = await loadDemo(database, { size: 'full', seed: 1, actorLabel: 'test' });
      expect(result.communitiesLoaded).toBe(50);
      const ids = (await database.query<{ id: string }>('select id from communities')).map((c) => c.id);
      const figures = [...(await communityFigures(database.db, ids)).values()];
      const sum = (k: keyof (typeof figures)[number]) => figures.reduce((s, f) => s + f[k], 0);
      expect(sum('grids')).toBe(312);
      expect(sum('partyOrganisations')).toBe(573);
      expect(sum('partyMembers')).toBeGreaterThanOrEqual(2783);
      expect(sum('units')).toBeGreaterThan(115_000);
      for (const f of figures) expect(f.households).toBeGreaterThan(2000);
    } finally {
      await database.close();
    }
  });
});
