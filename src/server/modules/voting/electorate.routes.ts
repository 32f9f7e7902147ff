import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { answerCorrectionBody, correctionBody, correctionList, correctionView, rollQuery, rollView } from '../../../contracts/voting.ts';
import { maskPhone, type Actor } from '../../platform/actor.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { answerCorrection } from './commands/answer-correction.ts';
import { requestCorrection } from './commands/request-correction.ts';
import { chooseArea, formatCenti } from './domain/area.ts';
import { toVoteUnit } from './domain/electorate.ts';
import { STATE_ALLOWS } from './domain/lifecycle.ts';
import { electorateOf } from './repo/electorate.ts';
import { correctionsOf } from './repo/corrections.ts';
import { forbidUnless, readableVote } from './voting.access.ts';
import { ctxOf, TAGS } from './voting.http.ts';
import { canAnswerCorrections, canManageVote, canReadVoteAsStaff, canRequestCorrection, canSeeRoll, type VoteRef } from './voting.policy.ts';

const centi = (n: number | null) => (n === null ? null : formatCenti(BigInt(n)));

/** The electorate roll (units and areas, never names) and owners' requests to correct it. */
export async function electorateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/votes/:id/roll', {
    schema: {
      tags: TAGS,
      summary: 'The electorate roll: units with areas per source, use, developer flag and whether they count; live from the registry during the notice, frozen once open. Never names.',
      params: idParam,
      querystring: rollQuery,
      response: { 200: rollView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { vote, ref, relation } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canSeeRoll(actor, ref, relation), 'see the roll of this vote');
    const electorate = await electorateOf(app.db, vote);
    const mine = new Set(actor.kind === 'owner' ? actor.personIds : []);
    const keyed = electorate.units.filter((u) => !request.query.buildingId || u.buildingId === request.query.buildingId);
    const { page, pageSize } = request.query;
    const items = keyed.slice((page - 1) * pageSize, page * pageSize).map((u) => {
      const chosen = chooseArea(toVoteUnit(u).area);
      return {
        unitId: u.unitId,
        buildingId: u.buildingId,
        buildingName: u.buildingName,
        number: u.number,
        use: u.use,
        holderStatus: u.holderStatus,
        developer: u.developer,
        counted: u.subjectKey !== null,
        areas: { registered: centi(u.areas.registered), surveyed: centi(u.areas.surveyed), contract: centi(u.areas.contract) },
        votingArea: chosen ? formatCenti(chosen.centi) : null,
        votingAreaSource: chosen?.source ?? null,
        coOwned: u.ownerIds.length > 1,
        namedVoter: u.voterId !== null,
        mine: u.ownerIds.some((id) => mine.has(id)),
      };
    });
    const area = electorate.subjects.reduce((sum, s) => sum + s.areaCenti, 0n);
    return {
      items,
      total: keyed.length,
      page,
      pageSize,
      frozen: STATE_ALLOWS[ref.state].frozen,
      totals: {
        units: electorate.units.length,
        countedUnits: electorate.units.filter((u) => u.subjectKey !== null).length,
        heads: electorate.subjects.length,
        area: formatCenti(area),
      },
      problems: electorate.problems,
    };
  });

  r.get('/votes/:id/corrections', {
    schema: {
      tags: TAGS,
      summary: 'Correction requests to the roll: all of them for staff, your own for an owner',
      params: idParam,
      response: { 200: correctionList, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref, relation } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canSeeRoll(actor, ref, relation), 'see the corrections of this vote');
    const rows = await correctionsOf(app.db, ref, canReadVoteAsStaff(actor, ref) ? null : (actor as Extract<Actor, { kind: 'owner' }>).phone);
    return { items: rows.map((row) => view(actor, ref, row)) };
  });

  r.post('/votes/:id/corrections', {
    schema: {
      tags: TAGS,
      summary: 'As an owner, during the notice: ask for a correction of the roll (the unit, and what is wrong)',
      params: idParam,
      body: correctionBody,
      response: { 201: correctionView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { ref, relation } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canRequestCorrection(actor, ref, relation), 'ask for corrections to this roll (owners of the compound, during the notice)');
    const row = await requestCorrection(ctxOf(app, request, actor), ref, request.body);
    const [shown] = await correctionsOf(app.db, ref, null, row.id);
    return reply.status(201).send(view(actor, ref, shown));
  });

  r.post('/votes/:id/corrections/:correctionId/answer', {
    schema: {
      tags: TAGS,
      summary: 'As the convener: answer a correction request (accepted or not, with reasons); audited',
      params: z.object({ id: z.uuid(), correctionId: z.uuid() }),
      body: answerCorrectionBody,
      response: { 200: correctionView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canAnswerCorrections(actor, ref), 'answer corrections to this roll');
    await answerCorrection(ctxOf(app, request, actor), ref, request.params.correctionId, request.body);
    const [shown] = await correctionsOf(app.db, ref, null, request.params.correctionId);
    return view(actor, ref, shown);
  });
}

type CorrectionRow = Awaited<ReturnType<typeof correctionsOf>>[number];

function view(actor: Actor, ref: VoteRef, row: CorrectionRow) {
  return {
    id: row.id,
    unitId: row.unitId,
    buildingName: row.buildingName,
    number: row.number,
    text: row.text,
    requesterPhone: maskPhone(row.requesterPhone),
    mine: actor.kind === 'owner' && actor.phone === row.requesterPhone,
    createdAt: row.createdAt.toISOString(),
    answer: row.answer,
    accepted: row.accepted,
    answeredAt: row.answeredAt ? row.answeredAt.toISOString() : null,
    abilities: { answer: canManageVote(actor, ref) && row.answeredAt === null && STATE_ALLOWS[ref.state].corrections },
  };
}
