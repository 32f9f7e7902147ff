import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { addendumBody, meetingView, minutesBody, minutesPrintView } from '../../../contracts/meetings.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { addAddendum } from './commands/add-addendum.ts';
import { editMinutes } from './commands/edit-minutes.ts';
import { signMinutes } from './commands/sign-minutes.ts';
import { forbidUnless, readableMeeting, seatFrom } from './meetings.access.ts';
import { ctxOf, meetingReply, TAGS } from './meetings.http.ts';
import { canAddAddendum, canOrganise, canSignMinutes } from './meetings.policy.ts';
import { toMinutesPrint } from './meetings.views.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Minutes: the text, sign-off by each party in person, addenda after the lock, and the print view. */
export async function minutesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put('/meetings/:id/minutes', {
    schema: {
      tags: TAGS,
      summary: 'Write the minutes text and item notes (until the minutes lock; 409 after)',
      params: idParam,
      body: minutesBody,
      response: { 200: meetingView, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canOrganise(actor, ref), 'edit the minutes of this meeting');
    await editMinutes(ctxOf(app, request, actor), ref, request.body);
    return meetingReply(app, actor, ref.id);
  });

  r.post('/meetings/:id/sign-off', {
    schema: {
      tags: TAGS,
      summary: 'Sign the minutes for your party (owners\u2019 committee: for yourself), in person; when every party present has signed, they lock',
      params: idParam,
      response: { 200: meetingView, ...errors },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref, seat } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canSignMinutes(actor, seatFrom(seat)), "sign these minutes: only a party's voting representative, logged in as themself, may", 'not_a_representative');
    await signMinutes(ctxOf(app, request, actor), ref, seat!.id);
    return meetingReply(app, actor, ref.id);
  });

  r.post('/meetings/:id/addenda', {
    schema: {
      tags: TAGS,
      summary: 'Append a signed correction to locked minutes (append-only)',
      params: idParam,
      body: addendumBody,
      response: { 201: meetingView, ...errors },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { ref, seat } = await readableMeeting(app.db, actor, request.params.id);
    forbidUnless(canAddAddendum(actor, ref, seatFrom(seat)), 'add an addendum to these minutes');
    await addAddendum(ctxOf(app, request, actor), ref, seat?.id ?? null, request.body);
    return reply.status(201).send(await meetingReply(app, actor, ref.id));
  });

  r.get('/meetings/:id/minutes', {
    schema: {
      tags: TAGS,
      summary: 'The minutes for printing: attendance per party, quorum, each item with positions and conclusion, the text, signatures and addenda',
      params: idParam,
      response: { 200: minutesPrintView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { meeting } = await readableMeeting(app.db, actor, request.params.id);
    return toMinutesPrint(app.db, meeting);
  });
}
