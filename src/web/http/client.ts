// The one way the web app talks to the server (not in src/web/api/: the dev server proxies /api). Every error body is `{ error: { code, message,
// details } }` (src/contracts/errors.ts); it becomes an ApiError so pages can show the server's
// message and react to the code (401 → login, 404 → not-found result).
import type { ErrorBody } from '../../contracts/errors.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** a plain object is sent as JSON; FormData as multipart */
  body?: unknown;
  signal?: AbortSignal;
  /** extra request headers (e.g. Idempotency-Key on ballots) */
  headers?: Record<string, string>;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { method, headers, body: payload, signal, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', (e as Error).message || 'Network error');
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const err = (data as ErrorBody | undefined)?.error;
    throw new ApiError(response.status, err?.code ?? `http_${response.status}`, err?.message ?? (text.slice(0, 200) || response.statusText), err?.details);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const isNotFound = (e: unknown) => e instanceof ApiError && e.status === 404;
export const isUnauthenticated = (e: unknown) => e instanceof ApiError && e.status === 401;

/** The shape of every paginated list (src/contracts/common.ts). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
