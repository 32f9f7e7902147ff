import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, ilike, inArray, lte, type SQL } from 'drizzle-orm';
import { auditList, auditListQuery, auditVerifyResult } from '../../../contracts/audit.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { z } from 'zod';
import { requireStaff } from '../../platform/request-actor.ts';
import { AppError } from '../../platform/errors.ts';
import { auditEvents } from './audit.tables.ts';
import { canReadTrail, canVerifyTrail, readableChains } from './audit.policy.ts';
import { verifyAuditChains } from './audit.verify.ts';

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/audit/events', {
    schema: {
      tags: ['audit'],
      summary: 'Browse and filter the audit trail of the communities you administer',
      querystring: auditListQuery,
      response: { 200: auditList, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    const q = request.query;
    const conds: SQL[] = [];
    if (q.communityId) {
      if (!canReadTrail(actor, q.communityId)) throw new AppError('not_found', 'Community not found');
      conds.push(eq(auditEvents.communityId, q.communityId));
    } else {
      const chains = readableChains(actor);
      if (chains) conds.push(inArray(auditEvents.communityId, chains.length ? chains : ['00000000-0000-0000-0000-000000000001']));
    }
    if (q.kind) conds.push(eq(auditEvents.kind, q.kind));
    if (q.actor) conds.push(ilike(auditEvents.actorLabel, `%${q.actor.replace(/[%_]/g, '\\$&')}%`));
    if (q.objectId) conds.push(eq(auditEvents.objectId, q.objectId));
    if (q.from) conds.push(gte(auditEvents.at, new Date(q.from).toISOString()));
    if (q.to) conds.push(lte(auditEvents.at, new Date(q.to).toISOString()));
    const where = and(...conds);
    const [{ total }] = await app.db.select({ total: count() }).from(auditEvents).where(where);
    const rows = await app.db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return { items: rows.map(({ createdAt: _c, ...e }) => e), total, page: q.page, pageSize: q.pageSize };
  });

  r.post('/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: "Recompute a community's hash chain and name the first broken event",
      body: z.object({ communityId: z.uuid() }),
      response: { 200: auditVerifyResult, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    if (!canVerifyTrail(actor, request.body.communityId)) throw new AppError('not_found', 'Community not found');
    return verifyAuditChains(app.db, request.body.communityId);
  });
}
