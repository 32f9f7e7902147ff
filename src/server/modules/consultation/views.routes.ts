import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and } from 'drizzle-orm';
import { idParam } from '../../../contracts/common.ts';
import { boardQuery, boardView, matterSteps, matterSummaryView, overdueList, summaryQuery } from '../../../contracts/consultation.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { communityNames } from '../registry/index.ts';
import { requireViewer, TAGS } from './consultation.access.ts';
import { canSeeCommunityViews, overseenCommunityIds } from './consultation.policy.ts';
import { communityMattersSql, medianDaysPerStep, overdueMatters, withoutRecentJointMeeting } from './consultation.stats.ts';
import { toCards } from './consultation.views.ts';
import { countsByStep, filterSql, newestPerStep } from './repo/lists.ts';

const BOARD_CARDS_PER_STEP = 20;

/** The community board and overdue list, and the street and district summary. */
export async function viewsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/communities/:id/matter-board', {
    schema: {
      tags: TAGS,
      summary: 'The community\u2019s board: matters by step, with counts and the newest 20 cards of each step',
      params: idParam,
      querystring: boardQuery,
      response: { 200: boardView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const communityId = request.params.id;
    if (!canSeeCommunityViews(viewer.actor, communityId)) throw notFound('Community');
    const now = app.clock.now();
    const where = and(communityMattersSql(communityId), filterSql(request.query, now));
    const [counts, lists] = await Promise.all([countsByStep(app.db, where, now), newestPerStep(app.db, where, matterSteps, BOARD_CARDS_PER_STEP)]);
    const cards = await toCards(app.db, [...lists.values()].flat(), now);
    const byId = new Map(cards.map((c) => [c.id, c]));
    return {
      communityId,
      columns: matterSteps.map((step) => ({ step, total: counts.get(step)?.total ?? 0, items: lists.get(step)!.map((row) => byId.get(row.id)!) })),
    };
  });

  r.get('/communities/:id/overdue-matters', {
    schema: {
      tags: TAGS,
      summary: 'The community\u2019s overdue list: consultation past its end, steps past their deadline, overdue tasks, objections unanswered past the reply deadline',
      params: idParam,
      response: { 200: overdueList, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const communityId = request.params.id;
    if (!canSeeCommunityViews(viewer.actor, communityId)) throw notFound('Community');
    const now = app.clock.now();
    const overdue = await overdueMatters(app.db, communityMattersSql(communityId), now);
    const cards = await toCards(app.db, overdue.map((o) => o.row), now);
    return { items: overdue.map((o, i) => ({ matter: cards[i], reasons: o.reasons })) };
  });

  r.get('/matters/summary', {
    schema: {
      tags: TAGS,
      summary: 'Street and district view: matters by step with overdue counts, median days per step, communities without a joint meeting in the last 4 weeks',
      querystring: summaryQuery,
      response: { 200: matterSummaryView, 400: errorBody, 401: errorBody, 403: errorBody },
    },
  }, async (request) => {
    const viewer = await requireViewer(app, request);
    const overseen = overseenCommunityIds(viewer.actor);
    if (overseen !== null && !overseen.length) throw new AppError('forbidden', 'The summary is for street, district and community staff');
    const { streetId, communityId } = request.query;
    let communities = await communityNames(app.db, { ids: overseen, streetId });
    if (communityId) communities = communities.filter((c) => c.id === communityId);
    const ids = communities.map((c) => c.id);
    const now = app.clock.now();
    const [counts, medians, quiet] = await Promise.all([
      countsByStep(app.db, filterSql({ communityIds: ids }, now), now),
      medianDaysPerStep(app.db, ids),
      withoutRecentJointMeeting(app.db, communities, now),
    ]);
    return {
      communities: ids.length,
      byStep: matterSteps.map((step) => ({ step, total: counts.get(step)?.total ?? 0, overdue: counts.get(step)?.late ?? 0 })),
      medianDaysPerStep: matterSteps.filter((s) => s !== 'closed' && s !== 'declined' && s !== 'withdrawn')
        .map((step) => ({ step, medianDays: medians.get(step)?.medianDays ?? null, samples: medians.get(step)?.samples ?? 0 })),
      withoutJointMeeting: quiet,
    };
  });
}
