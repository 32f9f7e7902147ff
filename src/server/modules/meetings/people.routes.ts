import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { attendanceBody, inviteBody, meetingView, representativeAccountList, representativeAccountsQuery } from '../../../contracts/meetings.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { todayInChina } from '../registry/index.ts';
import { inviteRepresentative } from './commands/invite-representative.ts';
import { recordAttendance } from './commands/record-attendance.ts';
import { removeRepresentative } from './commands/remove-representative.ts';
import { forbidUnless, readableMeeting } from './meetings.access.ts';
import { representativeAccounts } from './meetings.accounts.ts';
import { ctxOf, meetingReply, TAGS } from './meetings.http.ts';
import { canFindRepresentativeAccounts, canOrganise } from './meetings.policy.ts';

const repParams = z.object({ id: z.uuid(), representativeId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Who represents each party, and who came. */
export async function peopleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/meetings/:id/representative-accounts', {
    schema: {
      tags: TAGS,
      summary: "Look up the staff accounts of the meeting's community to link to a representative: name or username, roles, the parties each may sit for, their registry person; for those who invite",
      params: idParam,
      querystring: representativeAccountsQuery,
      response: { 200: representativeAccountList, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canFindRepresentativeAccounts(actor, ref), 'look up accounts for the representatives of this meeting');
    return representativeAccounts(app.db, actor, ref, request.query, todayInChina(app.clock.now()));
  });

  r.post('/meetings/:id/representatives', {
    schema: {
      tags: TAGS,
      summary: "Invite a representative of a party (a member of its body in the registry), optionally linked to their staff account; parity is a warning, not a refusal",
      params: idParam,
      body: inviteBody,
      response: { 201: meetingView, ...errors },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { ref } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canOrganise(actor, ref), 'invite representatives to this meeting');
    await inviteRepresentative(ctxOf(app, request, actor), ref, request.body);
    return reply.status(201).send(await meetingReply(app, actor, ref.id));
  });

  r.delete('/meetings/:id/representatives/:representativeId', {
    schema: {
      tags: TAGS,
      summary: 'Withdraw an invitation (not once the representative attended, took a position or signed)',
      params: repParams,
      response: { 200: meetingView, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canOrganise(actor, ref), 'withdraw invitations to this meeting');
    await removeRepresentative(ctxOf(app, request, actor), ref, request.params.representativeId);
    return meetingReply(app, actor, ref.id);
  });

  r.put('/meetings/:id/attendance', {
    schema: {
      tags: TAGS,
      summary: 'Record who is present or absent; the first record marks the meeting held',
      params: idParam,
      body: attendanceBody,
      response: { 200: meetingView, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canOrganise(actor, ref), 'record attendance at this meeting');
    await recordAttendance(ctxOf(app, request, actor), ref, request.body);
    return meetingReply(app, actor, ref.id);
  });
}
