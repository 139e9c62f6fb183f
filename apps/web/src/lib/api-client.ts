import { problem, type FieldError, type Problem } from '@rolebridge/contracts';
import type { z } from 'zod';

/** A failed API call, carrying the server's RFC 9457 problem body (or one made up for it). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /**
   * The body as received: some problems carry more than the common fields (a refused
   * attach holds its verification), which callers parse with their own contract schema.
   */
  readonly body: unknown;

  constructor(body: Problem, raw: unknown = body) {
    super(body.detail || body.title);
    this.name = 'ApiError';
    this.status = body.status;
    this.problem = body;
    this.body = raw;
  }

  get code(): string {
    return this.problem.code;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

export type ApiResponse<T> = { data: T; headers: Headers };

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = problem.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data, body);
  // A proxy or a crashed server answers without a problem body; say what we know.
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail:
      response.status >= 500
        ? 'The server could not handle the request. Try again in a moment.'
        : `The request failed (HTTP ${response.status}).`,
    code: 'unexpected_response',
  });
}

/**
 * Calls the BFF and parses the JSON answer with the contract schema, so a drifted server
 * fails loudly here instead of deep in a component.
 */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<ApiResponse<z.infer<S>>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'Could not reach the server. Check your connection and try again.',
      code: 'network_error',
    });
  }
  if (!response.ok) throw await toApiError(response);
  const body: unknown = response.status === 204 ? undefined : await response.json();
  return { data: schema.parse(body), headers: response.headers };
}

export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const init: RequestOptions = signal ? { signal } : {};
  return (await apiRequest(path, schema, init)).data;
}

/** Builds `path?a=1&b=2&b=3`, skipping empty values so URLs stay tidy. */
export function withQuery(
  path: string,
  query: Record<string, string | readonly string[] | null | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = typeof value === 'string' ? [value] : (value ?? []);
    for (const v of values) if (v !== '') params.append(key, v);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
