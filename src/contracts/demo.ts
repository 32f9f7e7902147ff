import { z } from 'zod';

/** Progress of the demo district's load; the web app polls it while the first start fills the database. */
export const demoStatusView = z.object({
  state: z.enum(['idle', 'loading', 'done', 'failed']),
  /** communities loaded so far */
  done: z.number().int(),
  /** communities the demo has */
  total: z.number().int(),
  message: z.string(),
});
export type DemoStatus = z.infer<typeof demoStatusView>;

/** A demo login printed at start and listed in docs/rules/demo.md. */
export const demoAccountView = z.object({
  role: z.string(),
  /** a username (staff, password demo1234) or a phone number (owners, one-time code) */
  login: z.string(),
  note: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccountView>;

export const DEMO_STAFF_PASSWORD = 'demo1234';
