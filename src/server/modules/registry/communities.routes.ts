import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import {
  communityFiguresBody, communityList, communityListQuery, communityView, compoundCreated, compoundList, compoundListQuery, createCompoundBody,
  type CommunityView, type DerivedFigures,
} from '../../../contracts/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { requireActor, requireStaff } from '../../platform/request-actor.ts';
import { createCompound } from './commands/create-compound.ts';
import { recordCommunityFigures } from './commands/record-community-figures.ts';
import { km2 } from './domain/areas.ts';
import { todayInChina } from './domain/today.ts';
import { readableCommunity, forbidUnless } from './registry.access.ts';
import { canManageCommunity, communityAbilities, compoundAbilities, visibleCommunitiesSql } from './registry.policy.ts';
import { communityFigures, emptyFigures } from './registry.stats.ts';
import { getCommunity, listCommunities, type CommunityRow } from './repo/communities.ts';
import { listCompounds } from './repo/compounds.ts';

function toView(actor: Actor, row: CommunityRow, derived: DerivedFigures | undefined): CommunityView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    address: row.address,
    street: { id: row.streetId, name: row.streetName },
    district: { id: row.districtId, name: row.districtName },
    derived: derived ?? emptyFigures(),
    recorded: {
      areaM2: row.areaM2,
      areaKm2: km2(row.areaM2),
      populationRecorded: row.populationRecorded,
      socialWorkersRecorded: row.socialWorkersRecorded,
    },
    abilities: communityAbilities(actor, row.id),
  };
}

async function communityDetail(app: FastifyInstance, actor: Actor, id: string): Promise<CommunityView> {
  const row = await getCommunity(app.db, id);
  if (!row) throw notFound('Community');
  const figures = await communityFigures(app.db, [id]);
  return toView(actor, row, figures.get(id));
}

const byId = { params: idParam };

export async function communitiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/communities', {
    schema: {
      tags: ['registry'],
      summary: 'Communities you read, with derived and recorded figures; search q on name or code, filter by street',
      querystring: communityListQuery,
      response: { 200: communityList, 400: errorBody, 401: errorBody, 403: errorBody },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    const q = request.query;
    const { rows, total } = await listCommunities(app.db, { visible: visibleCommunitiesSql(actor), ...q });
    const figures = await communityFigures(app.db, rows.map((c) => c.id));
    return { items: rows.map((row) => toView(actor, row, figures.get(row.id))), total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/communities/:id', {
    schema: {
      tags: ['registry'],
      summary: 'A community: figures derived from the registry, figures recorded by staff, and your abilities',
      ...byId,
      response: { 200: communityView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return communityDetail(app, actor, readableCommunity(actor, request.params.id));
  });

  r.put('/communities/:id/figures', {
    schema: {
      tags: ['registry'],
      summary: 'Record the figures the registry cannot derive: land area (m²), population, social workers',
      ...byId,
      body: communityFiguresBody,
      response: { 200: communityView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const id = readableCommunity(actor, request.params.id);
    forbidUnless(canManageCommunity(actor, id), "record this community's figures");
    await recordCommunityFigures({ db: app.db, actor, requestId: request.id }, id, request.body);
    return communityDetail(app, actor, id);
  });

  r.get('/communities/:id/compounds', {
    schema: {
      tags: ['registry'],
      summary: "A community's compounds with building and unit counts and the current property company; search q on name or code",
      ...byId,
      querystring: compoundListQuery,
      response: { 200: compoundList, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const communityId = readableCommunity(actor, request.params.id);
    const q = request.query;
    const { rows, total } = await listCompounds(app.db, communityId, q, todayInChina());
    if (!total && !(await getCommunity(app.db, communityId))) throw notFound('Community');
    const items = rows.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      address: c.address,
      buildings: Number(c.buildings),
      units: Number(c.units),
      propertyCompany: c.company_id && c.company_name ? { id: c.company_id, name: c.company_name } : null,
      abilities: compoundAbilities(actor, { id: c.id, communityId }),
    }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  });

  r.post('/communities/:id/compounds', {
    schema: {
      tags: ['registry'],
      summary: "Create a compound in a community (the community's managers); its buildings and units come by roster import",
      ...byId,
      body: createCompoundBody,
      response: { 201: compoundCreated, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const communityId = readableCommunity(actor, request.params.id);
    forbidUnless(canManageCommunity(actor, communityId), 'create compounds in this community');
    const compound = await createCompound({ db: app.db, actor, requestId: request.id }, { ...request.body, communityId });
    return reply.status(201).send(compound);
  });
}
