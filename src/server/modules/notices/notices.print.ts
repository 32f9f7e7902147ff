import QRCode from 'qrcode';
import type { FastifyRequest } from 'fastify';
import type { PublicNoticeView } from '../../../contracts/notices.ts';

// Data for the printable A4 notice: the web page (built by the web client) that the QR code on
// the paper leads to, the code itself as SVG, and the sentence telling readers how to object.

export const noticePagePath = (id: string) => `/public/notices/${id}`;

/**
 * The absolute URL of the page, from the host the request came to (so a notice printed from the
 * public address carries the public address). A configured public base URL would be better
 * behind a proxy; the platform has none yet.
 */
export function pageUrlFor(request: FastifyRequest, id: string): string {
  return `${request.protocol}://${request.host}${noticePagePath(id)}`;
}

/** The QR code as an SVG string; medium error correction survives a creased or rained-on sheet. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** A time as people in China read it on paper: "2025-03-10 18:00" in UTC+8. */
export function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function howToObject(n: Pick<PublicNoticeView, 'objectionEndsAt' | 'replyDays'>) {
  const until = n.objectionEndsAt ? `${chinaTime(n.objectionEndsAt)} (UTC+8)` : '';
  return {
    zh: `如有异议，请于 ${until} 前扫描二维码登录后在线提出，或向社区居委会书面提出。每条异议将在 ${n.replyDays} 日内答复。`,
    en: `To object, scan the QR code and log in before ${until}, or write to the residents' committee. Each objection is answered within ${n.replyDays} days.`,
  };
}
