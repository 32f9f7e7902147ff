import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { voteSettingsBody, voteSettingsView } from '../../../contracts/voting.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { hasCurrentOwnersCommittee, readableCompound, todayInChina } from '../registry/index.ts';
import { settingsOf } from './commands/support.ts';
import { updateSettings } from './commands/update-settings.ts';
import { forbidUnless } from './voting.access.ts';
import { ctxOf, TAGS } from './voting.http.ts';
import { canEditSettings, canReadSettings } from './voting.policy.ts';

/** A compound's bounds for its votes: notice, window, and owners per proxy holder. */
export async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const access = async (request: Parameters<typeof requireActor>[0], id: string) => {
    const actor = requireActor(request);
    const compound = await readableCompound(app.db, actor, id);
    const hasCommittee = await hasCurrentOwnersCommittee(app.db, compound, todayInChina(app.clock.now()));
    return { actor, compound, hasCommittee };
  };

  r.get('/compounds/:id/vote-settings', {
    schema: {
      tags: TAGS,
      summary: "The compound's bounds for votes (the defaults until set): minimum notice, voting window, owners per proxy holder",
      params: idParam,
      response: { 200: voteSettingsView, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const { actor, compound, hasCommittee } = await access(request, request.params.id);
    forbidUnless(canReadSettings(actor, compound, hasCommittee), "see this compound's voting settings");
    const settings = await settingsOf(app.db, compound);
    return { compoundId: compound.id, ...settings, abilities: { edit: canEditSettings(actor, compound, hasCommittee) } };
  });

  r.put('/compounds/:id/vote-settings', {
    schema: {
      tags: TAGS,
      summary: "Set the compound's bounds for votes (those who may convene there)",
      params: idParam,
      body: voteSettingsBody,
      response: { 200: voteSettingsView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const { actor, compound, hasCommittee } = await access(request, request.params.id);
    forbidUnless(canEditSettings(actor, compound, hasCommittee), "change this compound's voting settings");
    const settings = await updateSettings(ctxOf(app, request, actor), compound, request.body);
    return { compoundId: compound.id, ...settings, abilities: { edit: true } };
  });
}
