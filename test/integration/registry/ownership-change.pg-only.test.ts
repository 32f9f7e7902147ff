import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { systemActor } from '../../../src/server/platform/actor.ts';
import type { Database } from '../../../src/server/platform/db.ts';
import { auditEvents } from '../../../src/server/modules/audit/audit.tables.ts';
import { changeOwnership, findUnitRef } from '../../../src/server/modules/registry/index.ts';
import { ownerships } from '../../../src/server/modules/registry/registry.tables.ts';
import { buildCommunity, buildCompound, buildPerson, buildUnit, own } from '../../support/factories.ts';
import { freshDatabase } from '../../support/db.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

it('serialises concurrent changes of one unit: one set of current owners, each change closing the one before', async () => {
  const db = database.db;
  const community = await buildCommunity(db);
  const compound = await buildCompound(db, { communityId: community.id });
  const unit = await buildUnit(db, { compound });
  await own(db, unit, await buildPerson(db, { communityId: community.id }));
  const buyers = await Promise.all(Array.from({ length: 8 }, () => buildPerson(db, { communityId: community.id })));
  const ref = (await findUnitRef(db, unit.id))!;

  await Promise.all(buyers.map((b) => changeOwnership({ db, actor: systemActor('test') }, ref, { date: '2024-01-01', owners: [{ personId: b.id }] })));

  const current = await db.select().from(ownerships).where(and(eq(ownerships.unitId, unit.id), isNull(ownerships.until)));
  expect(current).toHaveLength(1);
  const all = await db.select().from(ownerships).where(eq(ownerships.unitId, unit.id));
  expect(all).toHaveLength(1 + buyers.length);
  const events = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, unit.id), eq(auditEvents.kind, 'registry.ownership_changed')));
  expect(events).toHaveLength(buyers.length);
  // each change saw exactly the one owner the change before it left
  for (const e of events) expect((e.before as { owners: unknown[] }).owners).toHaveLength(1);
});
