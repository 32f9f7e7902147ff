import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { progressView, publicVoteView, recordQuery, resultsView, subjectPageQuery, subjectPageView } from '../../../contracts/voting.ts';
import { notFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { compoundSummary } from '../registry/index.ts';
import { conflict } from './commands/support.ts';
import { ballotCount } from './repo/ballots.ts';
import { documentsOf, findVote } from './repo/votes.ts';
import { forbidUnless, readableVote, refOf, visibleVote } from './voting.access.ts';
import { TAGS } from './voting.http.ts';
import { canReadDocument, canReadPublicly, canSeeProgress, canSeeResults, NO_RELATION } from './voting.policy.ts';
import { questionResults } from './voting.results.ts';
import { recordQuestion, writeVoteRecord } from './voting.record.ts';
import { subjectPage } from './voting.subjects.ts';
import { voteProgress } from './voting.stats.ts';
import { toDocumentView } from './voting.views.ts';

const notYet = () => conflict('wrong_state', 'results are available once the vote is counted (to its staff) and published (to everyone)');

/** Progress for the convener; results, the exported record and the public notice once counted and published. */
export async function publicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/votes/:id/progress', {
    schema: {
      tags: TAGS,
      summary: 'Live participation per question against the quorum, overall and per building, with the gap in words. Never a choice.',
      params: idParam,
      response: { 200: progressView, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { vote, ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canSeeProgress(actor, ref), 'see the progress of this vote');
    return voteProgress(app.db, vote);
  });

  r.get('/votes/:id/results', {
    schema: {
      tags: TAGS,
      summary: "Each question's counted result with its explanation: staff once counted, everyone (no login) once published",
      params: idParam,
      response: { 200: resultsView, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const { vote, ref } = await visibleVote(app.db, request.actor, request.params.id);
    if (!canSeeResults(request.actor, ref)) throw notYet();
    return { voteId: vote.id, state: ref.state, merkleRoot: vote.merkleRoot, questions: await questionResults(app.db, vote) };
  });

  const sendRecord = async (request: FastifyRequest, reply: FastifyReply, voteId: string, questionId: string | undefined) => {
    const { vote, ref } = await visibleVote(app.db, request.actor, voteId);
    if (!canSeeResults(request.actor, ref)) throw notYet();
    const question = await recordQuestion(app.db, vote, questionId);
    const body = new PassThrough();
    // written as it is read: a street-wide record is hundreds of megabytes
    writeVoteRecord(app.db, vote, question, (text) => (body.write(text) ? undefined : once(body, 'drain').then(() => undefined)))
      .then(() => body.end(), (error: Error) => body.destroy(error));
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="vote-${vote.id}-${question.id}.json"`)
      .send(body);
  };

  r.get('/votes/:id/questions/:questionId/subjects', {
    schema: {
      tags: TAGS,
      summary: 'The per-subject reports of a counted question, page by page in the tally\'s order (or the subjects named): which units, which area and source, which ballot counted and why',
      description: 'Pages concatenated are exactly the `subjects` that `siyi tally` prints for the exported record.',
      params: z.object({ id: z.uuid(), questionId: z.uuid() }),
      querystring: subjectPageQuery,
      response: { 200: subjectPageView, 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const { vote, ref } = await visibleVote(app.db, request.actor, request.params.id);
    if (!canSeeResults(request.actor, ref)) throw notYet();
    const question = await recordQuestion(app.db, vote, request.params.questionId);
    const { offset, limit, subject, after } = request.query;
    return subjectPage(app.db, vote, question, { offset, limit, after, keys: subject === undefined ? undefined : [subject] });
  });

  r.get('/votes/:id/record.json', {
    schema: {
      tags: TAGS,
      summary: 'The siyi.vote-record/1 document of a question (the only one, or ?question=ID): exactly what was counted; `siyi tally` on it prints the published result',
      params: idParam,
      querystring: recordQuery,
      produces: ['application/json'],
      response: { 200: z.any().describe('siyi.vote-record/1'), 404: errorBody, 409: errorBody },
    },
  }, (request, reply) => sendRecord(request, reply, request.params.id, request.query.question));

  r.get('/votes/:id/questions/:questionId/record.json', {
    schema: {
      tags: TAGS,
      summary: 'The siyi.vote-record/1 document of one question: exactly what was counted',
      params: z.object({ id: z.uuid(), questionId: z.uuid() }),
      produces: ['application/json'],
      response: { 200: z.any().describe('siyi.vote-record/1'), 404: errorBody, 409: errorBody },
    },
  }, (request, reply) => sendRecord(request, reply, request.params.id, request.params.questionId));

  r.get('/public/votes/:id', {
    schema: {
      tags: TAGS,
      summary: 'The public notice (公告) of a published vote, without login: what a notice board needs, with a QR code to its web page',
      params: idParam,
      response: { 200: publicVoteView, 404: errorBody },
    },
  }, async (request) => {
    const vote = await findVote(app.db, request.params.id);
    if (!vote || !canReadPublicly(refOf(vote))) throw notFound('Vote');
    const [compound, documents, questions, ballots] = await Promise.all([
      compoundSummary(app.db, vote.compoundId),
      documentsOf(app.db, vote),
      questionResults(app.db, vote),
      ballotCount(app.db, vote),
    ]);
    const webPath = `/public/votes/${vote.id}`;
    const webUrl = `${request.protocol}://${request.host}${webPath}`;
    const svg = await QRCode.toString(webUrl, { type: 'svg', margin: 1 });
    return {
      id: vote.id,
      title: vote.title,
      noticeText: vote.noticeText,
      community: { name: compound?.communityName ?? '' },
      compound: { name: compound?.name ?? '' },
      preset: vote.preset as z.infer<typeof publicVoteView>['preset'],
      noticeAt: vote.noticeAt.toISOString(),
      opensAt: vote.opensAt.toISOString(),
      closesAt: vote.closesAt.toISOString(),
      countedAt: vote.countedAt ? vote.countedAt.toISOString() : null,
      publishedAt: (vote.publishedAt ?? vote.countedAt ?? vote.closesAt).toISOString(),
      merkleRoot: vote.merkleRoot,
      ballots,
      questions,
      documents: documents.filter((d) => canReadDocument(null, refOf(vote), d.kind, NO_RELATION)).map(toDocumentView),
      webPath,
      webUrl,
      qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    };
  });
}
