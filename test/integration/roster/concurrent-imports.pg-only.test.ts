import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { buildCommunity, buildCompound } from '../../support/factories.ts';
import { systemActor } from '../../../src/server/platform/actor.ts';
import { importRoster } from '../../../src/server/modules/registry/index.ts';
import { fixture, ownersByUnit } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('runs two imports into one compound one after the other: the second finds everything in place', async () => {
  const community = await buildCommunity(t.app.db);
  const compound = await buildCompound(t.app.db, { communityId: community.id });
  const run = () => importRoster({ db: t.app.db, actor: systemActor('test') }, {
    compoundId: compound.id, file: fixture('good.csv'), fileName: 'good.csv', dryRun: false, createBuildings: true,
  });
  const results = await Promise.all([run(), run()]);
  expect(results.map((r) => r.ok)).toEqual([true, true]);
  const counts = results.map((r) => r.summary!.counts).sort((a, b) => b.unitsCreated - a.unitsCreated);
  expect(counts[0]).toMatchObject({ buildingsCreated: 2, unitsCreated: 6, peopleCreated: 4, ownershipsOpened: 5 });
  expect(counts[1]).toMatchObject({ buildingsCreated: 0, unitsCreated: 0, unitsUnchanged: 6, peopleCreated: 0, ownershipsOpened: 0 });
  expect(await ownersByUnit(t.app.db, compound.id)).toHaveLength(5);
});
