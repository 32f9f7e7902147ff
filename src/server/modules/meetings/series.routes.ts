import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import {
  createSeriesBody, meetingSettingsBody, meetingSettingsView, meetingView, scheduleOccurrenceBody, seriesList, seriesListQuery, seriesView,
  updateSeriesBody, type MeetingKind, type SeriesView,
} from '../../../contracts/meetings.ts';
import type { Actor } from '../../platform/actor.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { createSeries } from './commands/create-series.ts';
import { scheduleOccurrence } from './commands/schedule-occurrence.ts';
import { updateMeetingSettings } from './commands/update-settings.ts';
import { updateSeries } from './commands/update-series.ts';
import { nextOccurrence } from './domain/recurrence.ts';
import { calendarCommunity, forbidUnless, readableSeries } from './meetings.access.ts';
import { ctxOf, meetingReply, TAGS } from './meetings.http.ts';
import { canEditSettings, canOrganise, canReadMeeting } from './meetings.policy.ts';
import { jointQuorumOf } from './repo/meetings.ts';
import { compoundNames } from './repo/places.ts';
import { seriesOfCommunity, type SeriesRow } from './repo/series.ts';

const refOfSeries = (s: SeriesRow) => ({ communityId: s.communityId, kind: s.kind as MeetingKind, compoundId: s.compoundId });

function toSeriesView(actor: Actor, s: SeriesRow, compoundName: string | null, now: Date): SeriesView {
  const next = nextOccurrence({ weekday: s.weekday, time: s.timeOfDay, timezone: s.timezone, startsOn: s.startsOn, endsOn: s.endsOn }, now);
  const organise = canOrganise(actor, refOfSeries(s));
  return {
    id: s.id,
    communityId: s.communityId,
    kind: s.kind as MeetingKind,
    compound: s.compoundId ? { id: s.compoundId, name: compoundName ?? '' } : null,
    title: s.title,
    weekday: s.weekday,
    time: s.timeOfDay,
    timezone: s.timezone,
    location: s.location,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    nextOccurrence: next ? next.toISOString() : null,
    abilities: { edit: organise, schedule: organise },
  };
}

/** Standing meetings (series and their recurrence) and the community's meeting settings. */
export async function seriesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (actor: Actor, s: SeriesRow) =>
    toSeriesView(actor, s, s.compoundId ? (await compoundNames(app.db, [s.compoundId])).get(s.compoundId) ?? null : null, app.clock.now());

  r.get('/communities/:id/meeting-series', {
    schema: {
      tags: TAGS,
      summary: "A community's standing meetings (joint, two committees, owners' committees) with their recurrence and next occurrence",
      params: idParam,
      querystring: seriesListQuery,
      response: { 200: seriesList, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const community = await calendarCommunity(app.db, actor, request.params.id);
    const rows = (await seriesOfCommunity(app.db, community.id))
      .filter((s) => canReadMeeting(actor, refOfSeries(s)));
    const { page, pageSize } = request.query;
    const slice = rows.slice((page - 1) * pageSize, page * pageSize);
    return { items: await Promise.all(slice.map((s) => view(actor, s))), total: rows.length, page, pageSize };
  });

  r.post('/communities/:id/meeting-series', {
    schema: {
      tags: TAGS,
      summary: 'Set up a standing meeting: weekday and local time (e.g. every Tuesday 14:00 Asia/Shanghai); one per kind and body',
      params: idParam,
      body: createSeriesBody,
      response: { 201: seriesView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const community = await calendarCommunity(app.db, actor, request.params.id);
    const series = await createSeries(ctxOf(app, request, actor), community.id, request.body);
    return reply.status(201).send(await view(actor, series));
  });

  r.put('/meeting-series/:id', {
    schema: {
      tags: TAGS,
      summary: "Change a series' recurrence, title or place; computed occurrences follow, scheduled meetings keep their time",
      params: idParam,
      body: updateSeriesBody,
      response: { 200: seriesView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const series = await readableSeries(app.db, actor, request.params.id);
    forbidUnless(canOrganise(actor, refOfSeries(series)), 'change this meeting series');
    return view(actor, await updateSeries(ctxOf(app, request, actor), series, request.body));
  });

  r.post('/meeting-series/:id/occurrences', {
    schema: {
      tags: TAGS,
      summary: 'Schedule a computed occurrence as a meeting (to prepare its agenda and invitations); the same occurrence twice answers the stored meeting',
      params: idParam,
      body: scheduleOccurrenceBody,
      response: { 200: meetingView, 201: meetingView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const series = await readableSeries(app.db, actor, request.params.id);
    forbidUnless(canOrganise(actor, refOfSeries(series)), 'schedule meetings of this series');
    const { meeting, created } = await scheduleOccurrence(ctxOf(app, request, actor), series, request.body);
    return reply.status(created ? 201 : 200).send(await meetingReply(app, actor, meeting.id));
  });

  r.get('/communities/:id/meeting-settings', {
    schema: {
      tags: TAGS,
      summary: "The community's meeting rules: the joint meeting's quorum (default: all four parties present)",
      params: idParam,
      response: { 200: meetingSettingsView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const community = await calendarCommunity(app.db, actor, request.params.id);
    const { isDefault, ...jointQuorum } = await jointQuorumOf(app.db, community.id);
    return { communityId: community.id, jointQuorum: jointQuorum as never, isDefault, abilities: { edit: canEditSettings(actor, community.id) } };
  });

  r.put('/communities/:id/meeting-settings', {
    schema: {
      tags: TAGS,
      summary: "Set the joint meeting's quorum: how many of the four parties, and which must be among them",
      params: idParam,
      body: meetingSettingsBody,
      response: { 200: meetingSettingsView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const community = await calendarCommunity(app.db, actor, request.params.id);
    forbidUnless(canEditSettings(actor, community.id), "change this community's meeting settings");
    const { isDefault, ...jointQuorum } = await updateMeetingSettings(ctxOf(app, request, actor), community.id, request.body);
    return { communityId: community.id, jointQuorum: jointQuorum as never, isDefault, abilities: { edit: true } };
  });
}

