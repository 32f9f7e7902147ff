import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { cancelVoteBody, extendVoteBody, voteView } from '../../../contracts/voting.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { announceVote } from './commands/announce-vote.ts';
import { cancelVote } from './commands/cancel-vote.ts';
import { closeVote } from './commands/close-vote.ts';
import { countVote } from './commands/count-vote.ts';
import { extendClosing } from './commands/extend-closing.ts';
import { openVote } from './commands/open-vote.ts';
import { publishVote } from './commands/publish-vote.ts';
import type { VoteRow, VotingContext } from './commands/support.ts';
import type { VoteRef } from './voting.policy.ts';
import { canManageVote } from './voting.policy.ts';
import { forbidUnless, readableVote } from './voting.access.ts';
import { ctxOf, TAGS } from './voting.http.ts';
import { toVoteView } from './voting.views.ts';

type Move = (ctx: VotingContext, vote: VoteRef, body: never) => Promise<VoteRow>;

const moves: { path: string; summary: string; body?: z.ZodType; run: Move }[] = [
  { path: 'announce', summary: 'Post the notice and publish the electorate roll (at least the minimum notice before opening)', run: announceVote },
  { path: 'open', summary: 'Open the vote at its opening time and freeze the electorate', run: openVote },
  { path: 'close', summary: 'Close the ballot box once the closing time has passed (no early close)', run: closeVote },
  { path: 'count', summary: 'Count every question from the frozen electorate and the accepted ballots; fixes the receipts\u2019 Merkle root', run: countVote },
  { path: 'publish', summary: 'Publish the result: the public notice, the results and the vote record become readable without login', run: publishVote },
  { path: 'cancel', summary: 'Cancel a vote that has not closed, with the reason', body: cancelVoteBody, run: cancelVote as Move },
  { path: 'extend', summary: 'Move the closing time later, before it passes; owners are notified', body: extendVoteBody, run: extendClosing as Move },
];

/** The life-cycle moves of a vote: one command each, under a row lock, each audited. Managers only. */
export async function lifecycleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const move of moves) {
    r.post(`/votes/:id/${move.path}`, {
      schema: {
        tags: TAGS,
        summary: move.summary,
        params: idParam,
        ...(move.body ? { body: move.body } : {}),
        response: { 200: voteView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    }, async (request: FastifyRequest<{ Params: { id: string }; Body: unknown }>) => {
      const actor = requireActor(request);
      const { ref, relation } = await readableVote(app.db, actor, request.params.id);
      forbidUnless(canManageVote(actor, ref), `${move.path} this vote`);
      const after = await move.run(ctxOf(app, request, actor), ref, request.body as never);
      return toVoteView(app.db, actor, after, relation, app.clock.now());
    });
  }
}
