import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ADMIN_USERNAME } from '@hexcast/core';
import type { AdminAuthApi } from './api.ts';
import { errorResponse } from './errors.ts';
import type { RequestOrigin } from './peer-address.ts';

export { ADMIN_USERNAME };

/** The admin session cookie: set after a successful password login, accepted instead of one. */
export const ADMIN_SESSION_COOKIE = 'hexcast_admin_session';
const REALM = 'Basic realm="hexcast admin", charset="UTF-8"';

export interface AdminAuthOptions {
  /** who the client is (failed logins count per address) and whether it used HTTPS (the cookie's Secure flag) */
  readonly origin: RequestOrigin;
}

/**
 * Admin authentication, as Owncast: HTTP Basic as `admin` with the admin password, or the admin
 * session cookie that a successful login sets (HttpOnly, SameSite=Lax, Secure behind TLS or a
 * trusted proxy saying `X-Forwarded-Proto: https`). Preflights (`OPTIONS`) answer 204 without
 * credentials and without CORS grants, so other origins cannot call the admin API from a
 * browser. Failed logins count per client address (`RequestOrigin`, ADR 13); once an address is blocked it
 * gets 429 with Retry-After, whatever the password (ADR 11).
 */
export function adminAuth(api: AdminAuthApi, options: AdminAuthOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    const session = getCookie(c, ADMIN_SESSION_COOKIE);
    if (session !== undefined && (await api.isAdminSession(session))) return next();
    const credentials = parseBasic(c.req.header('authorization'));
    if (credentials === undefined) return unauthorized(c);
    const login = await api.adminLogin({ address: options.origin.address(c), ...credentials });
    if (!login.ok) return login.error.kind === 'rate-limited' ? errorResponse(c, login.error) : unauthorized(c);
    const { token, ttlMs } = await api.createAdminSession();
    setCookie(c, ADMIN_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: options.origin.isHttps(c), maxAge: Math.floor(ttlMs / 1000) });
    return next();
  };
}

function unauthorized(c: Context): Response {
  c.header('WWW-Authenticate', REALM);
  return c.text('Unauthorized', 401);
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (match?.[1] === undefined) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(match[1]), (ch) => ch.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
