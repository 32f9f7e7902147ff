import { and, eq, isNull, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common.ts';
import { errorBody } from '../../../contracts/errors.ts';
import { noticeList, noticePrintView, publicNoticeView, publishedListQuery } from '../../../contracts/notices.ts';
import { notFound } from '../../platform/errors.ts';
import { findCompoundRef } from '../registry/index.ts';
import { publicNotice, TAGS } from './notices.access.ts';
import { howToObject, noticePagePath, pageUrlFor, qrSvg } from './notices.print.ts';
import { notices } from './notices.tables.ts';
import { publicNoticeView as toPublicView, toListItems } from './notices.views.ts';
import { listNotices } from './repo/notices.ts';

/**
 * What anyone reads without logging in: published notices, a compound's notice board, and the
 * data for the printed A4 sheet. Drafts answer 404 like a missing notice. Objection texts are not
 * public (they name households); their counts are.
 */
export async function publicRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/public/notices/:id', {
    schema: {
      tags: TAGS,
      summary: 'A published notice, without login: text, posting period, objection window, files, objection counts, correction links',
      security: [],
      params: idParam,
      response: { 200: publicNoticeView, 400: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const notice = await publicNotice(app.db, request.params.id);
    const { correctedById: _, ...view } = await toPublicView(app.db, notice, app.clock.now(), true);
    return view;
  });

  r.get('/public/notices/:id/print', {
    schema: {
      tags: TAGS,
      summary: 'Data for the printable A4 notice: the notice, the page its QR code leads to (/public/notices/:id) and the QR code as SVG',
      security: [],
      params: idParam,
      response: { 200: noticePrintView, 400: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const notice = await publicNotice(app.db, request.params.id);
    const { correctedById: _, ...view } = await toPublicView(app.db, notice, app.clock.now(), true);
    const pageUrl = pageUrlFor(request, notice.id);
    return { notice: view, pagePath: noticePagePath(notice.id), pageUrl, qrSvg: await qrSvg(pageUrl), howToObject: howToObject(view) };
  });

  r.get('/public/compounds/:id/notices', {
    schema: {
      tags: TAGS,
      summary: 'A compound\u2019s notice board, without login: its published notices and its community\u2019s community-wide ones, newest first',
      security: [],
      params: idParam,
      querystring: publishedListQuery,
      response: { 200: noticeList, 400: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const compound = await findCompoundRef(app.db, request.params.id);
    if (!compound) throw notFound('Compound');
    const q = request.query;
    const now = app.clock.now();
    const where = and(
      eq(notices.state, 'published'),
      eq(notices.communityId, compound.communityId),
      or(eq(notices.compoundId, compound.id), isNull(notices.compoundId)),
    );
    const { rows, total } = await listNotices(app.db, where, q, now);
    return { items: await toListItems(app.db, rows, now), total, page: q.page, pageSize: q.pageSize };
  });
}
