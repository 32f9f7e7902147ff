import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { buildingList, compoundDetail, unitList, unitListQuery, type UnitRow } from '../../../contracts/registry.ts';
import { notFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { areasView } from './domain/areas.ts';
import { todayInChina } from './domain/today.ts';
import { readableCompound } from './registry.access.ts';
import { canManageCommunity, compoundAbilities, visibleBuildingsSql, visibleUnitsSql } from './registry.policy.ts';
import { compoundCounts, getCompound, listBuildings } from './repo/compounds.ts';
import { ownersCommittees, propertyContractsOf } from './repo/organisations.ts';
import { listUnits, type UnitListRow } from './repo/units.ts';

const byId = { params: idParam };

function unitRowView(row: UnitListRow, abilities: UnitRow['abilities']): UnitRow {
  return {
    id: row.id,
    buildingId: row.building_id,
    buildingName: row.building_name,
    number: row.number,
    use: row.use,
    holderStatus: row.holder_status,
    ...areasView({ registered: row.area_registered_centi, surveyed: row.area_surveyed_centi, contract: row.area_contract_centi }),
    ownerNames: row.owner_names,
    ownerCount: Number(row.owner_count),
    abilities,
  };
}

export async function compoundsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/compounds/:id', {
    schema: {
      tags: ['registry'],
      summary: 'A compound: counts, owners\' committee, current property contract, and your abilities (import/export the roster, see phones, manage)',
      ...byId,
      response: { 200: compoundDetail, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ref = await readableCompound(app.db, actor, request.params.id);
    const today = todayInChina();
    const [compound, counts, committees, contracts] = await Promise.all([
      getCompound(app.db, ref),
      compoundCounts(app.db, ref),
      ownersCommittees(app.db, ref.communityId, today, ref.id),
      propertyContractsOf(app.db, ref.communityId, today, ref.id),
    ]);
    if (!compound) throw notFound('Compound');
    const contract = contracts.filter((c) => c.current).sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
    return {
      id: compound.id,
      code: compound.code,
      name: compound.name,
      address: compound.address,
      parkingInVotingArea: compound.parkingInVotingArea,
      community: { id: compound.communityId, name: compound.communityName },
      counts,
      // the sitting committee if there is one, else the most recent
      ownersCommittee: committees.find((c) => c.current) ?? committees[0] ?? null,
      propertyContract: contract
        ? { id: contract.id, company: { id: contract.companyId, name: contract.companyName, creditCode: contract.creditCode }, startsOn: contract.startsOn, endsOn: contract.endsOn }
        : null,
      abilities: compoundAbilities(actor, ref),
    };
  });

  r.get('/compounds/:id/buildings', {
    schema: {
      tags: ['registry'],
      summary: "A compound's buildings with their grid and number of units (a grid worker sees the buildings of their grids)",
      ...byId,
      response: { 200: buildingList, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ref = await readableCompound(app.db, actor, request.params.id);
    const rows = await listBuildings(app.db, ref, visibleBuildingsSql(actor, ref));
    return {
      items: rows.map((b) => ({ id: b.id, name: b.name, grid: b.grid_id && b.grid_name ? { id: b.grid_id, name: b.grid_name } : null, units: Number(b.units) })),
    };
  });

  r.get('/compounds/:id/units', {
    schema: {
      tags: ['registry'],
      summary: "A compound's units by building and number, with areas per source, the voting area and current owners; filter by building, use, q on number",
      ...byId,
      querystring: unitListQuery,
      response: { 200: unitList, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ref = await readableCompound(app.db, actor, request.params.id);
    const q = request.query;
    const { rows, total } = await listUnits(app.db, ref, q, visibleUnitsSql(actor, ref));
    // every unit of one compound shares the community, so one ability object serves every row
    const abilities = { changeOwnership: canManageCommunity(actor, ref.communityId) };
    return { items: rows.map((row) => unitRowView(row, abilities)), total, page: q.page, pageSize: q.pageSize };
  });
}
