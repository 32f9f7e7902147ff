import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { proxyList, proxyView, registerProxyBody, revokeProxyBody } from '../../../contracts/voting-ballots.ts';
import { maskPhone } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { requireActor } from '../../platform/request-actor.ts';
import { registerProxy } from './commands/register-proxy.ts';
import { revokeProxy } from './commands/revoke-proxy.ts';
import type { VoteRow } from './commands/support.ts';
import { electorateOf } from './repo/electorate.ts';
import { forbidUnless, readableVote } from './voting.access.ts';
import { ctxOf, TAGS } from './voting.http.ts';
import { canAdministerBallots } from './voting.policy.ts';
import { voteProxies } from './voting.tables.ts';

type ProxyRow = typeof voteProxies.$inferSelect;

/** The proxies with the units their principals speak for (from the roll in force). */
async function proxyViews(db: Db, vote: VoteRow, rows: ProxyRow[]) {
  const electorate = rows.length ? await electorateOf(db, vote) : null;
  return rows.map((p) => {
    const subject = electorate?.subjects.find((s) => s.representatives.includes(p.principalPersonId));
    const units = (electorate?.units ?? []).filter((u) => subject?.unitIds.includes(u.unitId));
    return {
      id: p.id,
      principalPersonId: p.principalPersonId,
      units: units.map((u) => ({ unitId: u.unitId, buildingName: u.buildingName, number: u.number })),
      proxyName: p.proxyName,
      proxyPhone: maskPhone(p.proxyPhone),
      documentId: p.documentId,
      registeredBy: p.registeredBy,
      createdAt: p.createdAt.toISOString(),
      revokedAt: p.revokedAt ? p.revokedAt.toISOString() : null,
      revokedBy: p.revokedBy,
      revokeReason: p.revokeReason,
    };
  });
}

/** Proxies: registered by staff with the owner's written authorisation; then the holder casts that owner's ballot. */
export async function proxiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/votes/:id/proxies', {
    schema: {
      tags: TAGS,
      summary: 'The proxies registered in this vote, revoked ones included (phones masked)',
      params: idParam,
      response: { 200: proxyList, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { vote, ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canAdministerBallots(actor, ref), 'see the proxies of this vote');
    const rows = await app.db.select().from(voteProxies)
      .where(and(eq(voteProxies.communityId, vote.communityId), eq(voteProxies.voteId, vote.id)))
      .orderBy(asc(voteProxies.createdAt), asc(voteProxies.id));
    return { items: await proxyViews(app.db, vote, rows) };
  });

  r.post('/votes/:id/proxies', {
    schema: {
      tags: TAGS,
      summary: "Register an owner's proxy for this vote with the uploaded written authorisation (a document of kind proxy_authorisation)",
      params: idParam,
      body: registerProxyBody,
      response: { 201: proxyView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { vote, ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canAdministerBallots(actor, ref), 'register proxies in this vote');
    const row = await registerProxy(ctxOf(app, request, actor), ref, request.body);
    const [view] = await proxyViews(app.db, vote, [row]);
    return reply.status(201).send(view);
  });

  r.post('/votes/:id/proxies/:proxyId/revoke', {
    schema: {
      tags: TAGS,
      summary: "Revoke a proxy whose holder has not voted: the holder no longer speaks for the owner, who may authorise another; the proxy is kept, marked revoked with the reason",
      params: z.object({ id: z.uuid(), proxyId: z.uuid() }),
      body: revokeProxyBody,
      response: { 200: proxyView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { vote, ref } = await readableVote(app.db, actor, request.params.id);
    forbidUnless(canAdministerBallots(actor, ref), 'revoke proxies in this vote');
    const row = await revokeProxy(ctxOf(app, request, actor), ref, request.params.proxyId, request.body);
    const [view] = await proxyViews(app.db, vote, [row]);
    return view;
  });
}
