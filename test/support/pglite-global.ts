import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../src/server/platform/db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a file holding the image of a migrated embedded database (PGlite dumpDataDir) */
    pgliteImage: string;
  }
}

/**
 * Migrates one embedded database per run and saves its data directory, so that each test file
 * loads a copy instead of creating and migrating a cluster of its own (see freshDatabase).
 */
export default async function setup(project: TestProject) {
  const database = await openDatabase({ database: { kind: 'embedded', dataDir: null } });
  await migrate(database);
  const image = await database.dumpDataDir!();
  await database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyi-pglite-image-'));
  const file = path.join(dir, 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImage', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
