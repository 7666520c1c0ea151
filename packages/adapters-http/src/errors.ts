import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ChatRefusal, CommonError } from '@hexcast/core';

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

/**
 * A refused chat-user or integration token: Owncast answers a bare `unauthorized` (text/plain)
 * whatever the reason, so bots that compare the body keep working. The status still comes from
 * the error kind (401 for `unauthorized`).
 */
export function tokenRefusal(c: Context, error: CommonError): Response {
  return c.text('unauthorized', STATUS_BY_ERROR_KIND[error.kind]);
}

/**
 * `/ws` refusals answered over plain HTTP, before upgrading, as Owncast does: a plain-text body
 * naming the refusal with 200 (browsers see a failed handshake), and an empty 403 for a banned
 * address.
 */
export const CHAT_REFUSAL_RESPONSES: Record<ChatRefusal['kind'], { readonly status: 200 | 403; readonly body: string }> = {
  'chat-disabled': { status: 200, body: 'CHAT_DISABLED' },
  'ip-banned': { status: 403, body: '' },
  'too-many-connections': { status: 200, body: 'ERROR_MAX_CONNECTIONS_EXCEEDED' },
  'needs-registration': { status: 200, body: 'ERROR_NEEDS_REGISTRATION' },
  'user-disabled': { status: 200, body: 'ERROR_USER_DISABLED' },
};

export function chatRefusalResponse(c: Context, refusal: ChatRefusal): Response {
  const { status, body } = CHAT_REFUSAL_RESPONSES[refusal.kind];
  return c.text(body, status);
}
