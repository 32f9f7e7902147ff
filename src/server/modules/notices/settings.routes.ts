import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { noticeSettingsInput, noticeSettingsView } from '../../../contracts/notices.ts';
import { notFound } from '../../platform/errors.ts';
import { requireStaff } from '../../platform/request-actor.ts';
import { settingsOf } from './commands/support.ts';
import { updateNoticeSettings } from './commands/update-settings.ts';
import { NOTICE_FLOOR_DAYS } from './domain/periods.ts';
import { ctxOf, forbidUnless, TAGS } from './notices.access.ts';
import { canEditSettings, canReadSettings, draftScope } from './notices.policy.ts';

/** A community's notice settings: the minimum posting period and the reply deadline for objections. */
export async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/communities/:id/notice-settings', {
    schema: {
      tags: TAGS,
      summary: 'The community\u2019s minimum posting period and objection reply deadline (defaults 7 and 3 days), and where you may draft notices',
      params: idParam,
      response: { 200: noticeSettingsView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    if (!canReadSettings(actor, request.params.id)) throw notFound('Community');
    const settings = await settingsOf(app.db, request.params.id);
    const drafting = draftScope(actor, request.params.id);
    return {
      communityId: request.params.id, ...settings, floorDays: NOTICE_FLOOR_DAYS,
      abilities: { edit: canEditSettings(actor, request.params.id), draft: drafting !== null },
      draftScope: drafting ?? { communityWide: false, compoundIds: [] },
    };
  });

  r.put('/communities/:id/notice-settings', {
    schema: {
      tags: TAGS,
      summary: 'Set the minimum posting period (at least 7 days) and the reply deadline; applies to notices published from now on',
      params: idParam,
      body: noticeSettingsInput,
      response: { 200: noticeSettingsView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    if (!canReadSettings(actor, request.params.id)) throw notFound('Community');
    forbidUnless(canEditSettings(actor, request.params.id), 'change this community\u2019s notice settings');
    const settings = await updateNoticeSettings(ctxOf(app, request, actor), request.params.id, request.body);
    return {
      communityId: request.params.id, ...settings, floorDays: NOTICE_FLOOR_DAYS,
      abilities: { edit: true, draft: true }, draftScope: { communityWide: true, compoundIds: null },
    };
  });
}
