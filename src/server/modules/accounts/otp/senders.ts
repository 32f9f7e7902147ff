import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../../platform/db.ts';
import { logOtpSender } from './log-sender.ts';

/** Delivers a one-time code message to a phone. */
export interface OtpSender {
  readonly name: string;
  send(phone: string, message: string): Promise<void>;
}

export interface OtpSenderDeps {
  log: Pick<FastifyBaseLogger, 'info'>;
  database: Database;
}

export type OtpSenderFactory = (deps: OtpSenderDeps) => OtpSender;

/**
 * Senders by the name that config.otpSender (SIYI_OTP_SENDER) selects. An SMS provider is a file
 * beside log-sender.ts, a line here, and its name in SIYI_OTP_SENDER's list (platform/config.ts).
 * A provider should queue rather than wait on the network: /api/auth/otp answers only after
 * send() returns, and a slow send would let response times tell registered phones apart.
 */
export const otpSenderFactories: Record<string, OtpSenderFactory> = {
  log: logOtpSender,
};

export function createOtpSender(name: string, deps: OtpSenderDeps): OtpSender {
  const factory = otpSenderFactories[name];
  if (!factory) throw new Error(`SIYI_OTP_SENDER: no one-time code sender named "${name}"; one of: ${Object.keys(otpSenderFactories).join(', ')}`);
  return factory(deps);
}
