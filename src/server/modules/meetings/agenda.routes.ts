import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { agendaBody, concludeBody, meetingView, positionBody } from '../../../contracts/meetings.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { concludeAgendaItem } from './commands/conclude-item.ts';
import { recordPosition } from './commands/record-position.ts';
import { setAgenda } from './commands/set-agenda.ts';
import { forbidUnless, readableMeeting, seatFrom } from './meetings.access.ts';
import { ctxOf, meetingReply, TAGS } from './meetings.http.ts';
import { canOrganise, canRecordPosition } from './meetings.policy.ts';

const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The agenda, each party's position on an item, and the item's conclusion. */
export async function agendaRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put('/meetings/:id/agenda', {
    schema: {
      tags: TAGS,
      summary: 'Replace the agenda (matters of the procedure or free-text topics, in order); items with positions stay',
      params: idParam,
      body: agendaBody,
      response: { 200: meetingView, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canOrganise(actor, ref), 'change the agenda of this meeting');
    await setAgenda(ctxOf(app, request, actor), ref, request.body);
    return meetingReply(app, actor, ref.id);
  });

  r.put('/meetings/:id/items/:itemId/position', {
    schema: {
      tags: TAGS,
      summary: "Record your party's position on an item (support, object or abstain, with the reason); at an owners' committee meeting, your own. In person only",
      params: itemParams,
      body: positionBody,
      response: { 200: meetingView, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref, seat } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canRecordPosition(actor, seatFrom(seat)), "record a position: only a party's voting representative, logged in as themself, may", 'not_a_representative');
    await recordPosition(ctxOf(app, request, actor), ref, request.params.itemId, seat!.id, request.body);
    return meetingReply(app, actor, ref.id);
  });

  r.post('/meetings/:id/items/:itemId/conclusion', {
    schema: {
      tags: TAGS,
      summary: 'Conclude an item from the positions by the kind\u2019s rule: consensus, majority with dissent recorded, or no consensus (escalate)',
      params: itemParams,
      body: concludeBody,
      response: { 200: meetingView, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canOrganise(actor, ref), 'conclude items of this meeting');
    await concludeAgendaItem(ctxOf(app, request, actor), ref, request.params.itemId, request.body ?? {});
    return meetingReply(app, actor, ref.id);
  });
}
