import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import type { paperStatuses } from '../../../contracts/voting.ts';
import { discardPaperBody, paperBallotList, paperBallotView, paperEntryBody, paperListQuery, resolvePaperBody } from '../../../contracts/voting-ballots.ts';
import { actorLabel, type Actor } from '../../platform/actor.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { discardPaperBallot } from './commands/discard-paper-ballot.ts';
import { enterPaperBallot } from './commands/enter-paper-ballot.ts';
import { differences, type PaperReading } from './commands/paper-support.ts';
import { resolvePaperBallot } from './commands/resolve-paper-ballot.ts';
import { STATE_ALLOWS } from './domain/lifecycle.ts';
import { frozenUnit } from './repo/electorate.ts';
import { forbidUnless, readableVote } from './voting.access.ts';
import { ctxOf, TAGS } from './voting.http.ts';
import { canAdministerBallots, type VoteRef } from './voting.policy.ts';
import { votePaperBallots } from './voting.tables.ts';
import type { Db } from '../../platform/db.ts';

type PaperRow = typeof votePaperBallots.$inferSelect;
type PaperStatus = (typeof paperStatuses)[number];
type Receipt = { questionId: string; code: string; leaf: string };

async function paperView(db: Db, actor: Actor, ref: VoteRef, row: PaperRow, receipts: Receipt[] = []) {
  const unit = await frozenUnit(db, ref, row.unitId);
  const me = actorLabel(actor);
  const first: PaperReading = { answers: row.firstAnswers as PaperReading['answers'], scanRef: row.firstScanRef };
  const second: PaperReading | null = row.secondAnswers ? { answers: row.secondAnswers as PaperReading['answers'], scanRef: row.secondScanRef ?? '' } : null;
  const open = STATE_ALLOWS[ref.state].paperEntries && canAdministerBallots(actor, ref);
  return {
    id: row.id,
    unitId: row.unitId,
    buildingName: unit?.buildingName ?? '',
    number: unit?.number ?? '',
    subjectKey: row.subjectKey,
    status: row.status as PaperStatus,
    firstBy: row.firstBy,
    secondBy: row.secondBy,
    differences: second ? differences(first, second) : [],
    resolution: row.resolution as 'first' | 'second' | null,
    resolvedBy: row.resolvedBy,
    discardedBy: row.discardedBy,
    discardedAt: row.discardedAt ? row.discardedAt.toISOString() : null,
    discardReason: row.discardReason,
    createdAt: row.firstAt.toISOString(),
    receipts,
    abilities: {
      enterSecond: open && row.status === 'awaiting_second' && row.firstBy !== me,
      resolve: open && row.status === 'mismatch' && row.firstBy !== me && row.secondBy !== me,
      // a sheet that has placed no ballot: any ballot staff, the entrants too (they may have typed the wrong unit)
      discard: open && (row.status === 'awaiting_second' || row.status === 'mismatch'),
    },
  };
}

/** Paper ballots by double entry, and resolution of mismatches. Staff who handle ballots only. */
export async function paperRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/votes/:id/paper-ballots', {
    schema: {
      tags: TAGS,
      summary: 'Paper ballot sheets and their double-entry status (the fields that differ, never the choices)',
      params: idParam,
      querystring: paperListQuery,
      response: { 200: paperBallotList, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canAdministerBallots(actor, ref), 'see the paper ballots of this vote');
    const { page, pageSize, status } = request.query;
    const where = and(eq(votePaperBallots.communityId, ref.communityId), eq(votePaperBallots.voteId, ref.id), status ? eq(votePaperBallots.status, status) : undefined);
    const [{ total }] = await app.db.select({ total: count() }).from(votePaperBallots).where(where);
    const rows = await app.db.select().from(votePaperBallots).where(where).orderBy(asc(votePaperBallots.firstAt), asc(votePaperBallots.id))
      .limit(pageSize).offset((page - 1) * pageSize);
    const items = [];
    for (const row of rows) items.push(await paperView(app.db, actor, ref, row));
    return { items, total: Number(total), page, pageSize };
  });

  r.post('/votes/:id/paper-ballots', {
    schema: {
      tags: TAGS,
      summary: 'Enter a paper ballot sheet: the first entry waits for a second by another staff member; equal entries accept it, different ones flag a mismatch',
      params: idParam,
      body: paperEntryBody,
      response: { 200: paperBallotView, 201: paperBallotView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canAdministerBallots(actor, ref), 'enter paper ballots in this vote');
    const { paper, receipts } = await enterPaperBallot(ctxOf(app, request, actor), ref, request.body);
    const view = await paperView(app.db, actor, ref, paper, receipts);
    return reply.status(paper.secondBy ? 200 : 201).send(view);
  });

  r.post('/votes/:id/paper-ballots/:paperId/resolve', {
    schema: {
      tags: TAGS,
      summary: 'Resolve a mismatch: a third staff member enters what the scanned sheet says; it must equal one of the two entries, which is recorded as right',
      params: z.object({ id: z.uuid(), paperId: z.uuid() }),
      body: resolvePaperBody,
      response: { 200: paperBallotView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canAdministerBallots(actor, ref), 'resolve paper ballots in this vote');
    const { paper, receipts } = await resolvePaperBallot(ctxOf(app, request, actor), ref, request.params.paperId, request.body);
    return paperView(app.db, actor, ref, paper, receipts);
  });

  r.post('/votes/:id/paper-ballots/:paperId/discard', {
    schema: {
      tags: TAGS,
      summary: 'Discard a sheet that awaits its second entry or is in mismatch (typed for the wrong unit, or invalid): kept with the reason, no longer blocks the count; the unit may be entered afresh',
      params: z.object({ id: z.uuid(), paperId: z.uuid() }),
      body: discardPaperBody,
      response: { 200: paperBallotView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canAdministerBallots(actor, ref), 'discard paper ballots in this vote');
    const paper = await discardPaperBallot(ctxOf(app, request, actor), ref, request.params.paperId, request.body);
    return paperView(app.db, actor, ref, paper);
  });
}
