import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CommonError } from '@hexcast/core';

/** The one place that maps the core's failure kinds to HTTP status codes. */
export const STATUS_BY_ERROR_KIND: Record<CommonError['kind'], ContentfulStatusCode> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
};

/** Owncast's `BaseAPIResponse` failure shape: `{ success: false, message }`. */
export function failure(c: Context, status: ContentfulStatusCode, message: string): Response {
  return c.json({ success: false, message }, status);
}

/** Answers a core error with its status and message (and Retry-After when rate limited). */
export function errorResponse(c: Context, error: CommonError): Response {
  if (error.kind === 'rate-limited') c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
  return failure(c, STATUS_BY_ERROR_KIND[error.kind], error.message);
}

/** Owncast's `BaseAPIResponse` success shape. */
export function success(c: Context, message: string): Response {
  return c.json({ success: true, message }, 200);
}
