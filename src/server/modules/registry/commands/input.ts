import type { z } from 'zod';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import { AppError } from '../../../platform/errors.ts';

/** owners.0.personId: the same dotted form the route layer uses for schema failures. */
const pathOf = (path: PropertyKey[]) => path.map(String).join('.');

/** Parses a command's input with its contract schema; a failure names the field, as a route's would. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })));
}

/** A validation_failed error whose message starts with the first field at fault. */
export function invalid(issues: FieldIssue[]): AppError {
  const [first] = issues;
  return new AppError('validation_failed', first ? `${first.path}: ${first.message}` : 'Input is invalid', { issues });
}

/** The code is already used where it must be unique. */
export const duplicateCode = (what: string, code: string) =>
  new AppError('duplicate', `code: ${what} "${code}" already exists`, { field: 'code' });
