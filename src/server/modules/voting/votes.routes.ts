import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { createVoteBody, updateVoteBody, voteList, voteListQuery, voteView } from '../../../contracts/voting.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { compoundSummary, readableCompound } from '../registry/index.ts';
import { createVote } from './commands/create-vote.ts';
import { updateVote } from './commands/update-vote.ts';
import { listVotes } from './repo/votes.ts';
import { forbidUnless, ownerReach, ownerRelation, readableVote, refOf } from './voting.access.ts';
import { ctxOf, TAGS } from './voting.http.ts';
import { canManageVote, staffVoteScope, voteAbilities } from './voting.policy.ts';
import { toVoteView } from './voting.views.ts';

/** Votes: list, convene, read, edit the draft. Life-cycle moves are in lifecycle.routes.ts. */
export async function votesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/votes', {
    schema: {
      tags: TAGS,
      summary: 'The votes you may see: staff by their communities and committees; owners those of compounds where they own units (not drafts)',
      querystring: voteListQuery,
      response: { 200: voteList, 400: errorBody, 401: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const q = request.query;
    const owner = actor.kind === 'owner' ? await ownerReach(app.db, actor) : undefined;
    const { rows, total } = await listVotes(app.db, { staff: staffVoteScope(actor), owner, compoundId: q.compoundId, state: q.state, page: q.page, pageSize: q.pageSize });
    const now = app.clock.now();
    const names = new Map<string, string>();
    const items = [];
    for (const { row, questionCount } of rows) {
      if (!names.has(row.compoundId)) names.set(row.compoundId, (await compoundSummary(app.db, row.compoundId))?.name ?? '');
      const relation = await ownerRelation(app.db, actor, row);
      const ref = refOf(row);
      items.push({
        id: row.id,
        communityId: row.communityId,
        compound: { id: row.compoundId, name: names.get(row.compoundId)! },
        title: row.title,
        state: ref.state,
        noticeAt: row.noticeAt.toISOString(),
        opensAt: row.opensAt.toISOString(),
        closesAt: row.closesAt.toISOString(),
        questionCount,
        abilities: voteAbilities(actor, { ...ref, opensAt: row.opensAt, closesAt: row.closesAt }, relation, now),
      });
    }
    return { items, total, page: q.page, pageSize: q.pageSize };
  });

  r.post('/votes', {
    schema: {
      tags: TAGS,
      summary: "Convene a vote (a draft) in a compound: by its owners' committee, or by community staff or the street where it has none",
      body: createVoteBody,
      response: { 201: voteView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await readableCompound(app.db, actor, request.body.compoundId);
    const vote = await createVote(ctxOf(app, request, actor), request.body);
    return reply.status(201).send(await toVoteView(app.db, actor, vote, await ownerRelation(app.db, actor, vote), app.clock.now()));
  });

  r.get('/votes/:id', {
    schema: {
      tags: TAGS,
      summary: 'A vote: questions, rule, times, documents, notifications, and what you may do with it (abilities)',
      params: idParam,
      response: { 200: voteView, 400: errorBody, 401: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { vote, relation } = await readableVote(app.db, actor, request.params.id);
    return toVoteView(app.db, actor, vote, relation, app.clock.now());
  });

  r.put('/votes/:id', {
    schema: {
      tags: TAGS,
      summary: 'Rewrite a draft: title, notice text, rule and options, times, questions (checked as when convening)',
      params: idParam,
      body: updateVoteBody,
      response: { 200: voteView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref, relation } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canManageVote(actor, ref), 'edit this vote');
    const after = await updateVote(ctxOf(app, request, actor), ref, request.body);
    return toVoteView(app.db, actor, after, relation, app.clock.now());
  });
}
