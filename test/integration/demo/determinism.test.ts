import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../support/db.ts';
import { loadDemo } from '../../../src/server/demo/index.ts';
import type { Database } from '../../../src/server/platform/db.ts';
import { count, hashedTables, tableHash } from './support.ts';

const tables = Object.keys(hashedTables);

async function hashesOf(database: Database) {
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await tableHash(database, t)] as const)));
}

/** Loads the small demo into a fresh database and returns its row hashes. */
async function loadAndHash(seed: number, interruptAfter?: number) {
  const database = await freshDatabase();
  try {
    if (interruptAfter) {
      const stop = new Error('interrupted');
      await expect(loadDemo(database, {
        size: 'small', seed, actorLabel: 'test',
        onProgress: (p) => { if (p.done === interruptAfter) throw stop; },
      })).rejects.toBe(stop);
      expect(await count(database, 'select count(*) from communities')).toBe(interruptAfter);
      const resumed = await loadDemo(database, { size: 'small', seed, actorLabel: 'test' });
      expect(resumed).toMatchObject({ resumed: true, communitiesLoaded: 3 - interruptAfter });
      expect(resumed.accounts.length).toBeGreaterThan(0);
    } else {
      await loadDemo(database, { size: 'small', seed, actorLabel: 'test' });
    }
    expect(await count(database, 'select count(*) from users')).toBe(7);
    return await hashesOf(database);
  } finally {
    await database.close();
  }
}

describe('demo determinism', () => {
  it('gives identical rows, ids included, for the same seed; other rows for another seed', async () => {
    const a = await loadAndHash(7);
    const b = await loadAndHash(7);
    const other = await loadAndHash(8);
    for (const t of tables) {
      expect(a[t].rows, t).toBeGreaterThan(0);
      expect(b[t], t).toEqual(a[t]);
      expect(other[t].hash, t).not.toBe(a[t].hash);
    }
  });

  it('resumes an interrupted load to exactly the rows of an uninterrupted one', async () => {
    const straight = await loadAndHash(7);
    const resumed = await loadAndHash(7, 1);
    expect(resumed).toEqual(straight);
  });
});
