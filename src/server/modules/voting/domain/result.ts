/** Domain functions report bad input as a value, never by throwing (architecture.md, "Errors"). */

export interface FieldError {
  /** where the problem is, e.g. `units[3].area.registered`; empty for the whole document */
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(path: string, message: string): Result<T> => ({
  ok: false,
  error: { path, message },
});

/** `units[3].area.registered: "12.345" has more than two decimals` */
export function formatFieldError(error: FieldError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}
