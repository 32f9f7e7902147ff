import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { ownerList, personQuery, residentList } from '../../../contracts/registry.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { readableCompound } from './registry.access.ts';
import { canSeePhonesInCompound, shownPhone, visibleUnitsSql } from './registry.policy.ts';
import { listOwners, listResidents } from './repo/people.ts';

// The people of a compound: current owners and residents. Phones are masked unless the actor
// may see them here; a grid worker's lists stop at the units of their grids.

export async function compoundPeopleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/compounds/:id/owners', {
    schema: {
      tags: ['registry'],
      summary: 'People who currently own units in the compound, with their units; q on name (and phone where you see phones)',
      params: idParam,
      querystring: personQuery,
      response: { 200: ownerList, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ref = await readableCompound(app.db, actor, request.params.id);
    const seePhones = canSeePhonesInCompound(actor, ref);
    const q = request.query;
    const { rows, total } = await listOwners(app.db, ref, { ...q, searchPhones: seePhones }, visibleUnitsSql(actor, ref));
    const items = rows.map((p) => ({
      personId: p.id,
      name: p.name,
      kind: p.kind,
      isDeveloper: p.is_developer,
      phone: shownPhone(p.phone, seePhones),
      idLast4: p.id_last4,
      units: (p.units ?? []).map((u) => ({ id: u.id, buildingName: u.buildingName, number: u.number, isVoter: u.isVoter })),
    }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/compounds/:id/residents', {
    schema: {
      tags: ['registry'],
      summary: 'People who currently live in the compound, one row per person and unit; q on name (and phone where you see phones)',
      params: idParam,
      querystring: personQuery,
      response: { 200: residentList, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ref = await readableCompound(app.db, actor, request.params.id);
    const seePhones = canSeePhonesInCompound(actor, ref);
    const q = request.query;
    const { rows, total } = await listResidents(app.db, ref, { ...q, searchPhones: seePhones }, visibleUnitsSql(actor, ref));
    const items = rows.map((p) => ({
      residentId: p.id,
      personId: p.person_id,
      name: p.name,
      phone: shownPhone(p.phone, seePhones),
      relation: p.relation,
      since: p.since,
      unit: { id: p.unit_id, buildingName: p.building_name, number: p.number },
    }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
}
