import { z } from 'zod';

/**
 * Every error the API returns has this one body. `code` is stable and machine-readable;
 * `message` is for people; `details` names the field, row or step at fault.
 */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Error codes and their HTTP status, the single table for every module. */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  import_invalid: 422,
  too_many_attempts: 429,
  not_ready: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof errorStatus;

/** A field-level problem, as returned in details.issues for validation_failed. */
export interface FieldIssue {
  path: string;
  message: string;
}
