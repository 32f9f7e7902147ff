import { describe, expect, it } from 'vitest';
import { planRoster, type ExistingPerson, type RegistryState } from '../../../src/server/modules/registry/roster/domain/plan.ts';
import type { RosterUnit } from '../../../src/server/modules/registry/roster/domain/rows.ts';
import { exportRow, compareUnits, type ExportUnit } from '../../../src/server/modules/registry/roster/domain/export-rows.ts';
import { exportFields, exportHeaders } from '../../../src/server/modules/registry/roster/domain/columns.ts';
import { RosterValidator } from '../../../src/server/modules/registry/roster/domain/rows.ts';

let n = 0;
const newId = () => `new-${++n}`;
const owner = (name: string, over: Partial<RosterUnit['owners'][number]> = {}) => ({ name, phone: null, idHash: null, idLast4: null, ...over });
const unit = (number: string, owners: RosterUnit['owners'], over: Partial<RosterUnit> = {}): RosterUnit => ({
  row: 2, building: '1栋', number, use: 'residential', holderStatus: 'owned',
  areas: { registered: 8850, surveyed: null, contract: null }, owners, voter: owners.length === 1 ? 0 : null, ...over,
});
const person = (id: string, name: string, over: Partial<ExistingPerson> = {}): ExistingPerson => ({ id, name, phone: null, idHash: null, idLast4: null, isDeveloper: false, ...over });
const sheetOf = (units: RosterUnit[], newBuildings: string[] = []) => ({ units, newBuildings, rows: units.length, header: null });

/** 1栋 101 owned by 张三 (voter) and 李四; 1栋 102 owned by 王五. */
function registry(): RegistryState {
  return {
    buildings: new Map([['1栋', 'b1']]),
    units: new Map([
      ['1栋\u0000101', { id: 'u101', use: 'residential', holderStatus: 'owned', areas: { registered: 8850, surveyed: 8800, contract: null }, owners: [
        { ownershipId: 'o1', personId: 'p1', isVoter: true }, { ownershipId: 'o2', personId: 'p2', isVoter: false }] }],
      ['1栋\u0000102', { id: 'u102', use: 'residential', holderStatus: 'owned', areas: { registered: 9000, surveyed: null, contract: null }, owners: [
        { ownershipId: 'o3', personId: 'p3', isVoter: true }] }],
    ]),
    people: [person('p1', '张三', { phone: '13800000001', idHash: 'h1', idLast4: '1232' }), person('p2', '李四'), person('p3', '王五', { phone: '13800000003' })],
  };
}

describe('planRoster', () => {
  it('changes nothing when the sheet says what the registry holds', () => {
    const plan = planRoster(sheetOf([
      unit('101', [owner('张三', { phone: '13800000001', idLast4: '1232' }), owner('李四')], { voter: 0 }),
      unit('102', [owner('王五', { phone: '13800000003' })], { areas: { registered: 9000, surveyed: null, contract: null } }),
    ]), registry(), newId);
    expect(plan.problems).toEqual([]);
    expect(plan.counts).toMatchObject({ unitsUnchanged: 2, unitsCreated: 0, unitsUpdated: 0, peopleCreated: 0, peopleUpdated: 0, ownershipsOpened: 0, ownershipsClosed: 0, votersChanged: 0 });
  });

  it('matches people by ID hash, by name and phone, or among the unit\'s owners by name', () => {
    const plan = planRoster(sheetOf([
      unit('101', [owner('张三', { idHash: 'h1' }), owner('李四', { phone: '13900000002' })], { voter: 0 }),
      unit('103', [owner('王五', { phone: '13800000003' })]),
    ]), registry(), newId);
    expect(plan.people).toEqual([]);
    // 李四 is matched among 101's owners and given the phone the registry lacked; 王五 buys 103 too
    expect(plan.personUpdates).toEqual([person('p2', '李四', { phone: '13900000002' })]);
    expect(plan.ownershipInserts).toEqual([{ unitId: expect.any(String), personId: 'p3', isVoter: true }]);
    expect(plan.counts).toMatchObject({ unitsCreated: 1, unitsNotInSheet: 1, peopleUpdated: 1 });
  });

  it('closes the ownerships of owners who left, opens the new ones, and keeps those who stay', () => {
    const plan = planRoster(sheetOf([
      unit('101', [owner('张三', { idHash: 'h1' }), owner('赵六', { phone: '13800000006' })], { voter: 1 }),
    ]), registry(), newId);
    expect(plan.ownershipCloses).toEqual(['o2']);
    expect(plan.people).toMatchObject([{ name: '赵六', phone: '13800000006', kind: 'person' }]);
    expect(plan.ownershipInserts).toEqual([{ unitId: 'u101', personId: plan.people[0].id, isVoter: true }]);
    expect(plan.voterUpdates).toEqual([{ ownershipId: 'o1', isVoter: false }]);
  });

  it('keeps voter flags when the sheet has no 表决人 column, and area sources the sheet leaves empty', () => {
    const plan = planRoster(sheetOf([
      unit('101', [owner('张三', { idHash: 'h1' }), owner('李四')], { voter: 'keep', use: null, holderStatus: null, areas: { registered: 8900, surveyed: null, contract: null } }),
    ]), registry(), newId);
    expect(plan.voterUpdates).toEqual([]);
    expect(plan.unitUpdates).toEqual([{ id: 'u101', use: 'residential', holderStatus: 'owned', areas: { registered: 8900, surveyed: 8800, contract: null } }]);
  });

  it('refuses an ID number that belongs to someone else in the registry', () => {
    const plan = planRoster(sheetOf([unit('105', [owner('张叁', { idHash: 'h1' })], { row: 9 })]), registry(), newId);
    expect(plan.problems).toEqual([{ row: 9, column: 'idNumbers', message: 'the ID number of 张叁 belongs to 张三 in the registry' }]);
  });

  it('creates one person for one owner of several new units, and buildings when asked', () => {
    const plan = planRoster(sheetOf([
      unit('301', [owner('孙七', { phone: '13800000007' })], { building: '3栋' }),
      unit('P01', [owner('孙七', { phone: '13800000007' })], { building: '3栋', use: 'parking' }),
      unit('302', [], { building: '3栋', holderStatus: 'developer_unsold', voter: null }),
    ], ['3栋']), registry(), newId);
    expect(plan.buildings).toEqual([{ id: expect.any(String), name: '3栋' }]);
    expect(plan.people).toHaveLength(1);
    expect(plan.ownershipInserts).toHaveLength(2);
    expect(plan.unitInserts.map((u) => [u.number, u.holderStatus, u.buildingId])).toEqual([
      ['301', 'owned', plan.buildings[0].id], ['P01', 'owned', plan.buildings[0].id], ['302', 'developer_unsold', plan.buildings[0].id]]);
  });
});

describe('export rows', () => {
  const units: ExportUnit[] = [
    { building: '10栋', number: '101', use: 'residential', holderStatus: 'owned', areas: { registered: 8835, surveyed: 8800, contract: null },
      owners: [{ name: '张三', phone: '13800000001', idLast4: '1232', isVoter: true }, { name: '李四', phone: null, idLast4: '4568', isVoter: false }] },
    { building: '2栋', number: 'P01', use: 'parking', holderStatus: 'owned', areas: { registered: null, surveyed: null, contract: 1200 },
      owners: [{ name: '王五', phone: null, idLast4: null, isVoter: true }] },
    { building: '2栋', number: '201', use: 'residential', holderStatus: 'developer_unsold', areas: { registered: 7550, surveyed: null, contract: null }, owners: [] },
  ];

  it('orders buildings and numbers as people count them', () => {
    expect([...units].sort(compareUnits).map((u) => `${u.building} ${u.number}`)).toEqual(['2栋 201', '2栋 P01', '10栋 101']);
  });

  it('reads back, row for row, as the units it was written from', () => {
    const v = new RosterValidator({ knownBuildings: new Set(['2栋', '10栋']), createBuildings: false, hashId: () => 'unused' });
    v.push(1, exportFields.map((f) => exportHeaders[f]));
    units.map(exportRow).forEach((row, i) => v.push(i + 2, exportFields.map((f) => row[f])));
    const sheet = v.finish();
    expect(sheet.problems).toEqual([]);
    expect(sheet.units.map((u) => ({ building: u.building, number: u.number, use: u.use, holderStatus: u.holderStatus, areas: u.areas, owners: u.owners.map((o) => [o.name, o.phone, o.idLast4]), voter: u.voter }))).toEqual([
      { building: '10栋', number: '101', use: 'residential', holderStatus: 'owned', areas: { registered: 8835, surveyed: 8800, contract: null }, owners: [['张三', '13800000001', '1232'], ['李四', null, '4568']], voter: 0 },
      { building: '2栋', number: 'P01', use: 'parking', holderStatus: 'owned', areas: { registered: null, surveyed: null, contract: 1200 }, owners: [['王五', null, null]], voter: 0 },
      { building: '2栋', number: '201', use: 'residential', holderStatus: 'developer_unsold', areas: { registered: 7550, surveyed: null, contract: null }, owners: [], voter: null },
    ]);
  });
});
