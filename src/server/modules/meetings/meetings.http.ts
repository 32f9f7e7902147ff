import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MeetingView } from '../../../contracts/meetings.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { MeetingsContext } from './commands/support.ts';
import { findMeeting, seatOf } from './repo/meetings.ts';
import { toMeetingView } from './meetings.views.ts';

/** The command context of a request: the database, the actor, the request id for the trail, and the app's clock. */
export function ctxOf(app: FastifyInstance, request: FastifyRequest, actor: Actor): MeetingsContext {
  return { db: app.db, actor, requestId: request.id, clock: app.clock };
}

/** The meeting as it stands after a command, seen by the actor. */
export async function meetingReply(app: FastifyInstance, actor: Actor, id: string): Promise<MeetingView> {
  const meeting = await findMeeting(app.db, id);
  if (!meeting) throw notFound('Meeting');
  const seat = actor.kind === 'staff' ? await seatOf(app.db, meeting, actor.userId) : null;
  return toMeetingView(app.db, actor, meeting, seat);
}

export const TAGS = ['meetings'];
