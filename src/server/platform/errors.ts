import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { errorStatus, type ErrorCode, type FieldIssue } from '../../contracts/errors.ts';

/** The one error type commands and routes throw; the error handler renders it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}

/** Renders AppError, schema validation failures and unexpected errors as one body shape. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { validation?: unknown; validationContext?: string }, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (error.validation) {
      const where = error.validationContext ?? 'body';
      const issues = (error.validation as unknown as ZodLikeIssue[]).map((i) => {
        const p = formatPath((i as { instancePath?: string }).instancePath ? [] : (i.path ?? []));
        const instancePath = (i as { instancePath?: string }).instancePath?.replace(/^\//, '').replaceAll('/', '.');
        return { path: [where, instancePath || p].filter(Boolean).join('.'), message: i.message };
      });
      const first = issues[0];
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: first ? `${first.path}: ${first.message}` : 'Request is invalid',
          details: { issues },
        },
      });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'bad_request', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error; the request id is in the logs', details: { requestId: request.id } } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}

/**
 * Error makers that carry a module's machine-readable `details.reason`. Each module narrows the
 * reason to its own union: `export const conflict: ReasonedError<VotingErrorReason> = conflictWith;`
 */
export type ReasonedError<R extends string | null> = (reason: R, message: string, details?: Record<string, unknown>) => AppError;

export const conflictWith = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('conflict', message, { reason, ...details });

export const forbiddenWith = (reason: string | null, message: string, details: Record<string, unknown> = {}) =>
  new AppError('forbidden', message, { ...(reason ? { reason } : {}), ...details });

/** A validation_failed error whose message starts with the first field at fault. */
export function invalidInput(issues: FieldIssue[], reason?: string): AppError {
  const [first] = issues;
  return new AppError('validation_failed', first ? `${first.path}: ${first.message}` : 'Input is invalid', { issues, ...(reason ? { reason } : {}) });
}

/** Parses a command's input with its contract schema, so the CLI and tests get the route's messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}
