import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { myUnitsView, ownershipChangeBody, unitDetail, type UnitDetail } from '../../../contracts/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { changeOwnership } from './commands/change-ownership.ts';
import { areasView } from './domain/areas.ts';
import { forbidUnless, readableUnit } from './registry.access.ts';
import { canChangeOwnership, canListOwnUnits, canSeeIdLast4, shownPhone, unitAbilities, type UnitRef } from './registry.policy.ts';
import { getUnit, unitsByIds } from './repo/unit-detail.ts';

async function unitView(app: FastifyInstance, actor: Actor, ref: UnitRef): Promise<UnitDetail> {
  const found = await getUnit(app.db, ref);
  if (!found) throw notFound('Unit');
  const { unit, history, residents } = found;
  const abilities = unitAbilities(actor, ref);
  const phone = (p: string | null) => shownPhone(p, abilities.seePhones);
  const seeIdLast4 = canSeeIdLast4(actor);
  return {
    id: unit.id,
    community: { id: unit.communityId, name: unit.communityName },
    compound: { id: unit.compoundId, name: unit.compoundName },
    building: { id: unit.buildingId, name: unit.buildingName, gridId: unit.gridId },
    number: unit.number,
    use: unit.use,
    holderStatus: unit.holderStatus,
    ...areasView(unit),
    owners: history
      .filter((o) => o.until === null)
      .map((o) => ({
        ownershipId: o.ownershipId, personId: o.personId, name: o.name, kind: o.kind, isDeveloper: o.isDeveloper,
        phone: phone(o.phone), idLast4: seeIdLast4 ? o.idLast4 : null, isVoter: o.isVoter, since: o.since,
      })),
    residents: residents.map((r) => ({ ...r, phone: phone(r.phone) })),
    history: history.map((o) => ({ ownershipId: o.ownershipId, personId: o.personId, name: o.name, isVoter: o.isVoter, since: o.since, until: o.until })),
    abilities,
  };
}

export async function unitsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/units/:id', {
    schema: {
      tags: ['registry'],
      summary: 'A unit: areas per source and the voting area, current owners (with the voter), residents and ownership history',
      params: idParam,
      response: { 200: unitDetail, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return unitView(app, actor, await readableUnit(app.db, actor, request.params.id));
  });

  r.post('/units/:id/ownership-change', {
    schema: {
      tags: ['registry'],
      summary: 'Record a dated change of ownership: current owners end on the date, the new owners (one named voter among several) begin on it',
      params: idParam,
      body: ownershipChangeBody,
      response: { 200: unitDetail, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ref = await readableUnit(app.db, actor, request.params.id);
    forbidUnless(canChangeOwnership(actor, ref), "change this unit's ownership");
    await changeOwnership({ db: app.db, actor, requestId: request.id }, ref, request.body);
    return unitView(app, actor, ref);
  });

  r.get('/my/units', {
    schema: {
      tags: ['registry'],
      summary: 'For an owner or resident logged in by phone: the units they own or live in, with co-owners',
      response: { 200: myUnitsView, 401: errorBody, 403: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    if (!canListOwnUnits(actor)) throw new AppError('forbidden', 'Only owners and residents logged in by phone have their own units');
    const byCommunity = new Map<string, string[]>();
    for (const [unitId, communityId] of actor.scope.ownUnits) byCommunity.set(communityId, [...(byCommunity.get(communityId) ?? []), unitId]);
    const mine = new Set(actor.personIds);
    const found = await unitsByIds(app.db, byCommunity);
    return {
      items: found.map(({ unit, owners }) => ({
        id: unit.id,
        community: { id: unit.communityId, name: unit.communityName },
        compound: { id: unit.compoundId, name: unit.compoundName },
        buildingName: unit.buildingName,
        number: unit.number,
        use: unit.use,
        ...areasView(unit),
        relation: owners.some((o) => mine.has(o.personId)) ? ('owner' as const) : ('resident' as const),
        coOwners: owners.map((o) => ({ name: o.name, isVoter: o.isVoter, isMe: mine.has(o.personId) })),
      })),
    };
  });
}
