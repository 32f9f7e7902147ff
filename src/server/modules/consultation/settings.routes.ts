import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { consultationSettingsBody, consultationSettingsView } from '../../../contracts/consultation.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { notFound } from '../../platform/errors.ts';
import { updateSettings } from './commands/update-settings.ts';
import { ctxOf, forbidUnless, requireViewer, TAGS } from './consultation.access.ts';
import { canEditSettings, canReadSettings } from './consultation.policy.ts';
import { settingsOf } from './repo/settings.ts';

/** A community's settings for the procedure: co-signatures, deadlines, posting period, categories. */
export async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const view = async (communityId: string, edit: boolean) => ({ communityId, ...(await settingsOf(app.db, communityId)), abilities: { edit } });

  r.get('/communities/:id/consultation-settings', {
    schema: {
      tags: TAGS,
      summary: 'The community\u2019s consultation settings (defaults where unset): co-signatures, consult, deliberation and resolution days, posting days, categories',
      params: idParam,
      response: { 200: consultationSettingsView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    if (!canReadSettings(viewer, request.params.id)) throw notFound('Community');
    return view(request.params.id, canEditSettings(viewer.actor, request.params.id));
  });

  r.put('/communities/:id/consultation-settings', {
    schema: {
      tags: TAGS,
      summary: 'Community staff: change the consultation settings; only the keys sent change',
      params: idParam,
      body: consultationSettingsBody,
      response: { 200: consultationSettingsView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    if (!canReadSettings(viewer, request.params.id)) throw notFound('Community');
    forbidUnless(canEditSettings(viewer.actor, request.params.id), "change this community's consultation settings");
    await updateSettings(ctxOf(app, request, viewer), request.params.id, request.body);
    return view(request.params.id, true);
  });
}
