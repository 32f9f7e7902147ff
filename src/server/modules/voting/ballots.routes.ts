import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { ballotAccepted, ballotContentInput, idempotencyHeaders, myBallotsView, receiptParams, receiptView } from '../../../contracts/voting-ballots.ts';
import { notFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { BallotIntake } from './commands/ballot-intake.ts';
import { submitBallot } from './commands/cast-ballot.ts';
import { normaliseReceiptCode } from './commands/receipts.ts';
import { speakersFor } from './commands/speaker.ts';
import { checkBallotTime, STATE_ALLOWS } from './domain/lifecycle.ts';
import { receiptLeaf, verifyProof } from './domain/merkle.ts';
import { sealedProof } from './repo/merkle.ts';
import { ballotStatusOf, findReceipt } from './repo/ballots.ts';
import { frozenUnitsOwnedBy, unitsOfSubjects } from './repo/electorate.ts';
import { findVote, questionsOf } from './repo/votes.ts';
import { forbidUnless, readableVote } from './voting.access.ts';
import { ctxOf, TAGS } from './voting.http.ts';
import { canCast } from './voting.policy.ts';

const ballotParams = z.object({ id: z.uuid(), questionId: z.uuid() });

/** Online ballots of owners and proxy holders, their status, and receipt checks. */
export async function ballotsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const intake = new BallotIntake(app.db, app.clock);

  for (const mode of ['cast', 'change'] as const) {
    r.post(mode === 'cast' ? '/votes/:id/questions/:questionId/ballots' : '/votes/:id/questions/:questionId/ballots/change', {
      schema: {
        tags: TAGS,
        summary: mode === 'cast'
          ? 'Cast the ballot of a voting subject on a question (owner in person, or proxy holder); returns a receipt. Needs an Idempotency-Key header.'
          : 'Change that ballot, once, where the vote allows it; returns a new receipt. Needs an Idempotency-Key header.',
        description: 'A retry with the same Idempotency-Key returns the first response and records nothing new. Two submissions for one subject record one ballot; the other gets 409 with details.reason "ballot_exists".',
        params: ballotParams,
        headers: idempotencyHeaders,
        body: ballotContentInput,
        response: { [mode === 'cast' ? 201 : 200]: ballotAccepted, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const ctx = ctxOf(app, request, actor);
      const submission = { questionId: request.params.questionId, body: request.body, idempotencyKey: request.headers['idempotency-key'], mode };
      const oneByOne = async () => {
        const { ref, relation } = await readableVote(app.db, actor, request.params.id);
        forbidUnless(canCast(actor, ref, relation), 'cast ballots in this vote (owners and proxy holders, while it is open)');
        return submitBallot(ctx, ref, submission);
      };
      // a plain first ballot is written with others arriving at the same moment; the intake
      // passes anything it does not write itself to oneByOne
      const { statusCode, body } = await intake.cast(ctx, request.params.id, submission, request.body, oneByOne);
      return reply.status(statusCode).send(body);
    });
  }

  r.get('/votes/:id/my-ballots', {
    schema: {
      tags: TAGS,
      summary: 'For an owner or proxy holder: the subjects you vote for, and per question whether a ballot is recorded and what you may still do (never the choice)',
      params: idParam,
      response: { 200: myBallotsView, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { vote, ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(actor.kind === 'owner', 'have ballots (owners and proxy holders log in by phone)');
    if (actor.kind !== 'owner' || !STATE_ALLOWS[ref.state].frozen) return { frozen: false, capacities: [], notNamedVoter: [] };
    const speakers = await speakersFor(app.db, vote, actor);
    const keys = speakers.map((s) => s.subjectKey);
    const [units, ballots, questions, owned] = await Promise.all([
      unitsOfSubjects(app.db, vote, keys),
      ballotStatusOf(app.db, vote, keys),
      questionsOf(app.db, vote),
      frozenUnitsOwnedBy(app.db, vote, actor.personIds),
    ]);
    const open = checkBallotTime(ref.state, app.clock.now(), vote) === null;
    const ownKeys = new Set(speakers.filter((s) => s.capacity === 'self').map((s) => s.subjectKey));
    return {
      frozen: true,
      capacities: speakers.map((s) => ({
        subjectKey: s.subjectKey,
        capacity: s.capacity,
        units: units.filter((u) => u.subjectKey === s.subjectKey).map(({ unitId, buildingName, number }) => ({ unitId, buildingName, number })),
        questions: questions.map((q) => {
          const b = ballots.find((x) => x.questionId === q.id && x.subjectKey === s.subjectKey);
          const overridable = !!b && b.channel === 'proxy' && s.capacity === 'self';
          const blockedForProxy = !!b && s.capacity === 'proxy' && b.channel !== 'proxy';
          return {
            questionId: q.id,
            cast: !!b,
            channel: b?.channel ?? null,
            castAt: b ? b.castAt.toISOString() : null,
            canCast: open && (!b || overridable),
            canChange: open && !!b && !overridable && !blockedForProxy && vote.allowBallotChange && b.changes < 1,
          };
        }),
      })),
      notNamedVoter: owned
        .filter((u) => u.subjectKey !== null && !ownKeys.has(u.subjectKey))
        .filter((u, i, all) => all.findIndex((x) => x.unitId === u.unitId) === i)
        .map(({ unitId, buildingName, number }) => ({ unitId, buildingName, number })),
    };
  });

  r.get('/votes/:id/receipts/:code', {
    schema: {
      tags: TAGS,
      summary: 'Check a receipt, without login: whether it is recorded, and once counted its inclusion proof and the published Merkle root. Shows no choice.',
      params: receiptParams,
      response: { 200: receiptView, 400: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const vote = await findVote(app.db, request.params.id);
    const code = normaliseReceiptCode(request.params.code);
    if (!vote || !code) throw notFound('Receipt');
    const leaf = receiptLeaf(code);
    const receipt = await findReceipt(app.db, vote, leaf);
    if (!receipt) throw notFound('Receipt');
    const base = { leaf, questionId: receipt.questionId, issuedAt: receipt.issuedAt.toISOString(), root: vote.merkleRoot };
    if (receipt.supersededAt) return { ...base, status: 'superseded' as const, proof: null, verified: false };
    if (!vote.merkleRoot) return { ...base, status: 'recorded' as const, proof: null, verified: false };
    const proof = await sealedProof(app.db, vote, leaf);
    return { ...base, status: 'counted' as const, proof, verified: !!proof && verifyProof(leaf, proof, vote.merkleRoot) };
  });
}
