import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { NoticesContext } from './commands/support.ts';
import { ownerPlaces } from './notices.borders.ts';
import { canReadNotice, canReadPublicly, NO_PLACES, type NoticeRef, type OwnerPlaces } from './notices.policy.ts';
import { findNotice, type NoticeRow } from './repo/notices.ts';

// Route glue: find a notice and apply the read policy in one step. A notice the actor may not
// read answers 404, the same as one that does not exist.

export const refOf = (n: NoticeRow): NoticeRef => ({ id: n.id, communityId: n.communityId, compoundId: n.compoundId, state: n.state, issuerKind: n.issuerKind });

export interface ReadableNotice {
  notice: NoticeRow;
  ref: NoticeRef;
  places: OwnerPlaces;
}

/** The notice if the logged-in actor may read it (staff in scope, residents of its place); 404 otherwise. */
export async function readableNotice(db: Db, actor: Actor, id: string): Promise<ReadableNotice> {
  const notice = await findNotice(db, id);
  if (!notice) throw notFound('Notice');
  const places = actor.kind === 'owner' ? await ownerPlaces(db, actor) : NO_PLACES;
  const ref = refOf(notice);
  if (!canReadNotice(actor, ref, places)) throw notFound('Notice');
  return { notice, ref, places };
}

/** For public endpoints: published notices to anyone, with or without a login; drafts never. */
export async function publicNotice(db: Db, id: string): Promise<NoticeRow> {
  const notice = await findNotice(db, id);
  if (!notice || !canReadPublicly(notice)) throw notFound('Notice');
  return notice;
}

/** For an action on a notice the actor can see but may not take: 403, naming the action. */
export function forbidUnless(allowed: boolean, action: string): void {
  if (!allowed) throw new AppError('forbidden', `You may not ${action}`);
}

/** The command context of a request: the database, the actor, the request id for the trail, and the app's clock. */
export function ctxOf(app: FastifyInstance, request: FastifyRequest, actor: Actor): NoticesContext {
  return { db: app.db, actor, requestId: request.id, now: app.clock.now() };
}

export const TAGS = ['notices'];
