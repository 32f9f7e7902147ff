import { z } from 'zod';
import path from 'node:path';

/**
 * Configuration comes from the environment only, validated once at start. A bad value is a
 * ConfigError naming the variable; the CLI turns it into exit code 2.
 */
const boolFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SIYI_DATA_DIR: z.string().min(1).default('./data'),
  SIYI_DEMO: boolFlag.default(true),
  SIYI_DEMO_SIZE: z.enum(['full', 'small']).default('full'),
  SIYI_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SIYI_OTP_SENDER: z.enum(['log']).default('log'),
  SIYI_VOTE_SCHEDULE: boolFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string | null };
  dataDir: string;
  loadDemo: boolean;
  demoSize: 'full' | 'small';
  /** salt for ID-number hashes and secret for session tokens */
  secret: string | null;
  otpSender: 'log';
  /** open and close votes on time by themselves (`siyi serve`); browser journeys switch it off */
  voteSchedule: boolean;
  logLevel: string;
  /** secure cookies only behind HTTPS in production */
  production: boolean;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const value = env[variable];
    throw new ConfigError(variable, `${issue.message}${value === undefined ? '' : ` (got "${value}")`}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.SIYI_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'embedded', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    loadDemo: e.SIYI_DEMO,
    demoSize: e.SIYI_DEMO_SIZE,
    secret: e.SIYI_SECRET ?? null,
    otpSender: e.SIYI_OTP_SENDER,
    voteSchedule: e.SIYI_VOTE_SCHEDULE,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    ...overrides,
  };
}
