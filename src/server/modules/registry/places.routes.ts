import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../../contracts/errors.ts';
import { placesView, type PlacesView } from '../../../contracts/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { requireStaff } from '../../platform/request-actor.ts';
import { canManageCommunity, canOverseeDistrict, canOverseeStreet, canReadCommunity, reachesCommunity } from './registry.policy.ts';
import { allPlaces, compoundNames } from './repo/places.ts';

/** The district → street → community tree, cut to what the actor reaches, with each node's abilities. */
async function placeTree(app: FastifyInstance, actor: Actor): Promise<PlacesView> {
  const places = await allPlaces(app.db);
  // compounds reached through a compound-level role, so that committee members, property staff
  // and grid workers can find their way to them without reading the whole community
  const reachedCompounds = actor.scope.all ? [] : await compoundNames(app.db, [...actor.scope.compounds.keys()]);
  const districts = places.districts.map((d) => {
    const streets = places.streets
      .filter((s) => s.districtId === d.id)
      .map((s) => {
        const communities = places.communities
          .filter((c) => c.streetId === s.id && reachesCommunity(actor, c.id))
          .map((c) => ({
            id: c.id,
            code: c.code,
            name: c.name,
            abilities: { read: canReadCommunity(actor, c.id), manage: canManageCommunity(actor, c.id) },
            compounds: reachedCompounds.filter((x) => x.communityId === c.id).map(({ id, code, name }) => ({ id, code, name })),
          }));
        return { id: s.id, code: s.code, name: s.name, abilities: { oversee: canOverseeStreet(actor, s) }, communities };
      })
      .filter((s) => s.communities.length > 0 || s.abilities.oversee);
    return { id: d.id, code: d.code, name: d.name, abilities: { oversee: canOverseeDistrict(actor, d.id) }, streets };
  });
  return { districts: districts.filter((d) => d.streets.length > 0 || d.abilities.oversee) };
}

export async function placesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/places', {
    schema: {
      tags: ['registry'],
      summary: 'The districts, streets and communities you may see, as a tree with abilities (staff only)',
      response: { 200: placesView, 401: errorBody, 403: errorBody },
    },
  }, async (request) => placeTree(app, requireStaff(request)));
}
