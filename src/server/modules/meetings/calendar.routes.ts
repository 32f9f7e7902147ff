import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { calendarQuery, calendarView, createMeetingBody, meetingView } from '../../../contracts/meetings.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { createMeeting } from './commands/create-meeting.ts';
import { zonedToUtc } from './domain/recurrence.ts';
import { calendarCommunity, readableMeeting } from './meetings.access.ts';
import { ctxOf, meetingReply, TAGS } from './meetings.http.ts';
import { toMeetingView } from './meetings.views.ts';
import { calendarOf } from './repo/calendar.ts';

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 56;
const MAX_WINDOW_DAYS = 190;
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
/** A date is a day in China (UTC+8): `from` its start, `to` its end (so `to` is inclusive). */
const instantOf = (v: string, end: boolean) => (isDate(v) ? new Date(zonedToUtc(v, '00:00', 'Asia/Shanghai').getTime() + (end ? DAY_MS : 0)) : new Date(v));

/** The meeting calendar of a community, ad-hoc meetings, and one meeting's full record. */
export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/communities/:id/meetings', {
    schema: {
      tags: TAGS,
      summary: "A community's meeting calendar for a window (default: now and the next 8 weeks, at most 190 days): stored meetings and the series' planned occurrences",
      params: idParam,
      querystring: calendarQuery,
      response: { 200: calendarView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const community = await calendarCommunity(app.db, actor, request.params.id);
    const from = request.query.from ? instantOf(request.query.from, false) : app.clock.now();
    const to = request.query.to ? instantOf(request.query.to, true) : new Date(from.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS);
    if (to <= from) throw new AppError('validation_failed', 'querystring.to: must be after from', { issues: [{ path: 'querystring.to', message: 'must be after from' }] });
    if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
      throw new AppError('validation_failed', `querystring.to: the window is at most ${MAX_WINDOW_DAYS} days`, { issues: [{ path: 'querystring.to', message: `the window is at most ${MAX_WINDOW_DAYS} days` }] });
    }
    const items = await calendarOf(app.db, actor, community.id, from, to, request.query.kind);
    return { from: from.toISOString(), to: to.toISOString(), items };
  });

  r.post('/communities/:id/meetings', {
    schema: {
      tags: TAGS,
      summary: "Convene an ad-hoc meeting: a joint or two-committee meeting of the community, or an owners' committee meeting of a compound",
      params: idParam,
      body: createMeetingBody,
      response: { 201: meetingView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const community = await calendarCommunity(app.db, actor, request.params.id);
    const meeting = await createMeeting(ctxOf(app, request, actor), community.id, request.body);
    return reply.status(201).send(await meetingReply(app, actor, meeting.id));
  });

  r.get('/meetings/:id', {
    schema: {
      tags: TAGS,
      summary: 'A meeting: representatives and attendance, quorum, parity warnings, agenda with positions and conclusions, minutes and sign-off, and your abilities',
      params: idParam,
      response: { 200: meetingView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { meeting, seat } = await readableMeeting(app.db, actor, request.params.id);
    return toMeetingView(app.db, actor, meeting, seat);
  });
}
