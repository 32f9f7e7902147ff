import { outbox } from '../accounts.tables.ts';
import type { OtpSenderFactory } from './senders.ts';

/**
 * The built-in sender for trials and development: the message goes to the server log, and in
 * embedded mode also to the outbox table that administrators read at GET /api/dev/mailbox. On
 * PostgreSQL (a real installation) codes stay out of the database.
 */
export const logOtpSender: OtpSenderFactory = ({ log, database }) => ({
  name: 'log',
  async send(phone, message) {
    log.info({ otpSender: 'log', recipient: phone }, `one-time code for ${phone}: ${message}`);
    if (database.kind === 'embedded') await database.db.insert(outbox).values({ channel: 'sms', recipient: phone, body: message });
  },
});
