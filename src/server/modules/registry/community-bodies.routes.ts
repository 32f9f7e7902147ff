import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { gridList, organisationsView } from '../../../contracts/registry.ts';
import { notFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { todayInChina } from './domain/today.ts';
import { readableCommunity } from './registry.access.ts';
import { findCommunityRef } from './repo/refs.ts';
import { listGrids } from './repo/compounds.ts';
import { communityBodies, groupByCompany, ownersCommittees, propertyContractsOf } from './repo/organisations.ts';

// A community's grids and the four parties' bodies: the Party organisation with its grid
// branches, the residents' committee, the owners' committees and the property companies.

export async function communityBodiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/communities/:id/grids', {
    schema: {
      tags: ['registry'],
      summary: "A community's grids, each with its grid worker, Party grid branch and number of buildings",
      params: idParam,
      response: { 200: gridList, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const communityId = readableCommunity(requireActor(request), request.params.id);
    if (!(await findCommunityRef(app.db, communityId))) throw notFound('Community');
    const rows = await listGrids(app.db, communityId);
    return {
      items: rows.map((g) => ({
        id: g.id,
        code: g.code,
        name: g.name,
        worker: g.worker_id && g.worker_name ? { personId: g.worker_id, name: g.worker_name } : null,
        branch: g.branch_id && g.branch_name ? { id: g.branch_id, name: g.branch_name } : null,
        buildings: Number(g.buildings),
      })),
    };
  });

  r.get('/communities/:id/organisations', {
    schema: {
      tags: ['registry'],
      summary: "A community's Party organisation and grid branches, residents' committee, owners' committees (terms, members) and property companies (contracts)",
      params: idParam,
      response: { 200: organisationsView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const communityId = readableCommunity(requireActor(request), request.params.id);
    if (!(await findCommunityRef(app.db, communityId))) throw notFound('Community');
    const today = todayInChina();
    const [bodies, committees, contracts] = await Promise.all([
      communityBodies(app.db, communityId, today),
      ownersCommittees(app.db, communityId, today),
      propertyContractsOf(app.db, communityId, today),
    ]);
    return { ...bodies, ownersCommittees: committees, propertyCompanies: groupByCompany(contracts) };
  });
}
