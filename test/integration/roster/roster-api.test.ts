import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TestApp } from '../../support/app.ts';
import { buildBuilding, buildCompound, buildStaff, type TwoCommunityWorld } from '../../support/factories.ts';
import { login, worldApp } from '../registry/world-app.ts';
import { auditEvents } from '../../../src/server/modules/audit/audit.tables.ts';
import { people } from '../../../src/server/modules/registry/registry.tables.ts';
import { todayInChina } from '../../../src/server/modules/registry/domain/today.ts';
import { fileOf, importThroughApi, ownersByUnit, snapshot, upload, xlsxFromCsv } from './support.ts';

let t: TestApp;
let app: FastifyInstance;
let world: TwoCommunityWorld;
let staff: string;

/** A new, empty compound in community A with building 1栋, as each test's own. */
async function freshCompound() {
  const compound = await buildCompound(app.db, { communityId: world.A.communityId });
  await buildBuilding(app.db, { compound, name: '1栋' });
  return compound;
}

beforeAll(async () => {
  ({ t, app, world } = await worldApp());
  staff = await login(app, world.A.users.communityStaff);
});
afterAll(() => t.close());

describe('dry run', () => {
  it('reports every problem by row and column, a page at a time, and writes nothing', async () => {
    const compound = await freshCompound();
    const before = await snapshot(app.db, world.A.communityId);
    const job = await importThroughApi(app, staff, compound.id, fileOf('bad.csv'), { dryRun: 'true' }, '?page=1&pageSize=5');
    expect(job).toMatchObject({ status: 'failed', dryRun: true, fileName: 'bad.csv', problemsTotal: 17, page: 1, pageSize: 5, summary: null, error: null });
    expect(job.problems).toEqual([
      { row: 2, column: '面积', message: '"12.345" has more than two decimals' },
      { row: 3, column: '电话', message: '13800000001 is also given for 张三 on row 2' },
      { row: 4, column: '房号', message: 'unit 1栋 101 is already on row 2' },
      { row: 4, column: '业主', message: 'differs from row 2 for the same unit (张三 there, 李四 here)' },
      { row: 5, column: '楼栋', message: '"9栋" is not a building of this compound; add it first, or import with createBuildings (--create-buildings)' },
    ]);
    const last = (await app.inject({ url: `/api/roster-imports/${job.id}?page=4&pageSize=5`, headers: { cookie: staff } })).json();
    expect(last.problems).toEqual([
      { row: 9, column: '面积来源', message: 'is required when 面积 is given (不动产登记, 实测 or 合同)' },
      { row: 9, column: '电话', message: expect.stringContaining('has 1 phone number for 2 owners (冯二、陈三)') },
    ]);
    expect(await snapshot(app.db, world.A.communityId)).toEqual(before);
  });

  it('tells what a clean sheet would change, and still writes nothing', async () => {
    const compound = await freshCompound();
    const before = await snapshot(app.db, world.A.communityId);
    const job = await importThroughApi(app, staff, compound.id, fileOf('good.csv'), { dryRun: 'true', createBuildings: 'true' });
    expect(job).toMatchObject({ status: 'done', problems: [], problemsTotal: 0, processedRows: 6, totalRows: 6 });
    expect(job.summary).toMatchObject({
      fileName: 'good.csv', format: 'csv', encoding: 'utf-8', dryRun: true, ignoredColumns: ['备注'],
      counts: { rows: 6, buildingsCreated: 1, unitsCreated: 6, peopleCreated: 4, ownershipsOpened: 5, ownershipsClosed: 0 },
    });
    expect(await snapshot(app.db, world.A.communityId)).toEqual(before);
  });
});

describe('import', () => {
  it('writes units, people and dated ownerships, keeps only a hash of ID numbers, and records one audit event', async () => {
    const compound = await freshCompound();
    const file = fileOf('good.csv');
    const job = await importThroughApi(app, staff, compound.id, file, { dryRun: 'false', createBuildings: 'true' });
    expect(job).toMatchObject({ status: 'done', dryRun: false, summary: { counts: { unitsCreated: 6, buildingsCreated: 1, peopleCreated: 4, ownershipsOpened: 5 } } });

    const today = todayInChina();
    expect((await ownersByUnit(app.db, compound.id)).map((o) => [o.unit, o.name, o.is_voter, o.since, o.until])).toEqual([
      ['1栋 101', '张三', true, today, null],
      ['1栋 101', '李四', false, today, null],
      ['1栋 102', '王五', true, today, null],
      ['1栋 103', '赵六', true, today, null],
      ['2栋 P01', '张三', true, today, null],
    ]);
    const [zhang] = await app.db.select().from(people).where(and(eq(people.communityId, world.A.communityId), eq(people.name, '张三')));
    expect(zhang).toMatchObject({ phone: '13800000001', idLast4: '1232' });
    expect(zhang.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await snapshot(app.db, world.A.communityId))).not.toContain('110105199001011232');

    const events = await app.db.select().from(auditEvents).where(and(eq(auditEvents.kind, 'registry.roster_imported'), eq(auditEvents.objectId, compound.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ communityId: world.A.communityId, objectType: 'compound', actorLabel: `user:${world.A.users.communityStaff.username}` });
    expect(events[0].after).toMatchObject({
      importId: job.id, fileName: 'good.csv', format: 'csv',
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      counts: { unitsCreated: 6, ownershipsOpened: 5 },
    });
  });

  it('reads the same sheet as XLSX, with English headers, or in GB18030, and finds nothing to change', async () => {
    const compound = await freshCompound();
    await importThroughApi(app, staff, compound.id, fileOf('good.csv'), { dryRun: 'false', createBuildings: 'true' });
    const before = await snapshot(app.db, world.A.communityId);
    for (const file of [await xlsxFromCsv('good.csv'), fileOf('good-en.csv'), fileOf('good-gb18030.csv')]) {
      const job = await importThroughApi(app, staff, compound.id, file, { dryRun: 'false' });
      expect(job.status, file.name).toBe('done');
      expect(job.summary?.counts, file.name).toMatchObject({ unitsUnchanged: 6, unitsCreated: 0, unitsUpdated: 0, peopleCreated: 0, ownershipsOpened: 0, ownershipsClosed: 0, votersChanged: 0 });
    }
    const after = await snapshot(app.db, world.A.communityId);
    expect({ ...after, audit: [] }).toEqual({ ...before, audit: [] });
    expect(after.audit.length - before.audit.length).toBe(3);
  });

  it('upserts on re-import: closes the ownership of owners who left, opens the new ones, keeps those who stay', async () => {
    const compound = await freshCompound();
    await importThroughApi(app, staff, compound.id, fileOf('good.csv'), { dryRun: 'false', createBuildings: 'true' });
    const first = await ownersByUnit(app.db, compound.id);
    const changed = fileOf('good.csv');
    changed.bytes = Buffer.from(changed.bytes.toString('utf8')
      .replace('张三、李四,张三,13800000001、13800000002,110105199001011232、4568', '张三、钱七,钱七,13800000001、13800000008,110105199001011232、')
      .replace('1栋,102,住宅,90.12,实测', '1栋,102,住宅,90.20,实测'));
    const job = await importThroughApi(app, staff, compound.id, changed, { dryRun: 'false' });
    expect(job.summary?.counts).toMatchObject({ unitsUpdated: 1, unitsUnchanged: 5, peopleCreated: 1, ownershipsOpened: 1, ownershipsClosed: 1, votersChanged: 1 });

    const today = todayInChina();
    const rows = (await ownersByUnit(app.db, compound.id)).filter((o) => o.unit === '1栋 101');
    expect(rows.map((o) => [o.name, o.is_voter, o.since, o.until])).toEqual([
      ['张三', false, today, null],
      ['李四', false, today, today],
      ['钱七', true, today, null],
    ]);
    // 张三 stayed: the same ownership row, not a closed one and a new one
    expect(rows.find((o) => o.name === '张三')!.id).toBe(first.find((o) => o.unit === '1栋 101' && o.name === '张三')!.id);
  });

  it('exports the roster as XLSX that re-imports with zero changes', async () => {
    const compound = await freshCompound();
    await importThroughApi(app, staff, compound.id, fileOf('good.csv'), { dryRun: 'false', createBuildings: 'true' });
    const res = await app.inject({ url: `/api/compounds/${compound.id}/roster.xlsx`, headers: { cookie: staff } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`roster-${compound.code}.xlsx`);
    const before = await snapshot(app.db, world.A.communityId);
    const job = await importThroughApi(app, staff, compound.id, { name: 'export.xlsx', bytes: res.rawPayload }, { dryRun: 'false' });
    expect(job.summary).toMatchObject({ format: 'xlsx', ignoredColumns: [] });
    expect(job.summary?.counts).toEqual({
      rows: 6, buildingsCreated: 0, unitsCreated: 0, unitsUpdated: 0, unitsUnchanged: 6, unitsNotInSheet: 0,
      peopleCreated: 0, peopleUpdated: 0, ownershipsOpened: 0, ownershipsClosed: 0, votersChanged: 0,
    });
    expect({ ...(await snapshot(app.db, world.A.communityId)), audit: [] }).toEqual({ ...before, audit: [] });
  });

  it('leaves phones out of the export for those who see them masked (street admins)', async () => {
    const compound = await freshCompound();
    await importThroughApi(app, staff, compound.id, fileOf('good.csv'), { dryRun: 'false', createBuildings: 'true' });
    const street = await login(app, world.A.users.streetAdmin);
    const read = async (cookie: string) => {
      const res = await app.inject({ url: `/api/compounds/${compound.id}/roster.xlsx`, headers: { cookie } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      return [2, 3].map((r) => [sheet.getCell(r, 7).value, sheet.getCell(r, 9).value]);
    };
    expect(await read(staff)).toEqual([['张三、李四', '13800000001、13800000002'], ['王五', '13800000003']]);
    expect(await read(street)).toEqual([['张三、李四', null], ['王五', null]]);
  });
});

describe('permissions and input', () => {
  it('answers 401 without a session, 404 outside scope, 403 to those who see but may not import', async () => {
    const compound = await freshCompound();
    const file = fileOf('good.csv');
    expect((await upload(app, null, compound.id, file)).statusCode).toBe(401);

    const staffB = await login(app, world.B.users.communityStaff);
    expect((await upload(app, staffB, compound.id, file)).json().error.code).toBe('not_found');
    expect((await app.inject({ url: `/api/compounds/${compound.id}/roster.xlsx`, headers: { cookie: staffB } })).statusCode).toBe(404);
    const job = await importThroughApi(app, staff, compound.id, file, { dryRun: 'true' });
    expect((await app.inject({ url: `/api/roster-imports/${job.id}`, headers: { cookie: staffB } })).statusCode).toBe(404);

    const committee = await buildStaff(app.db, { role: 'owners_committee', scopeId: compound.id });
    const committeeCookie = await login(app, committee);
    const refused = await upload(app, committeeCookie, compound.id, file);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("import this compound's roster");
    expect((await app.inject({ url: `/api/compounds/${compound.id}/roster.xlsx`, headers: { cookie: committeeCookie } })).statusCode).toBe(403);
  });

  it('lets the property staff of the contracted compound import', async () => {
    const propertyStaff = await login(app, world.A.users.propertyStaff);
    const res = await upload(app, propertyStaff, world.A.compounds.compound1.id, fileOf('good.csv'), { dryRun: 'true' });
    expect(res.statusCode).toBe(202);
  });

  it('names the missing file and a bad flag', async () => {
    const compound = await freshCompound();
    const noFile = await upload(app, staff, compound.id, null, { dryRun: 'true' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/^file: required/) });
    const badFlag = await upload(app, staff, compound.id, fileOf('good.csv'), { dryRun: 'maybe' });
    expect(badFlag.statusCode).toBe(400);
    expect(badFlag.json().error.message).toMatch(/^dryRun: /);
    const json = await app.inject({ method: 'POST', url: `/api/compounds/${compound.id}/roster-imports`, headers: { cookie: staff }, payload: { dryRun: true } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toContain('multipart/form-data');
  });
});
