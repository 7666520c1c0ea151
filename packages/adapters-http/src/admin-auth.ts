import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ADMIN_USERNAME } from '@hexcast/core';
import type { AdminAuthApi } from './api.ts';
import { errorResponse } from './errors.ts';
import { loginAddress } from './login-address.ts';
import type { PeerAddress } from './peer-address.ts';

export { ADMIN_USERNAME };

/** The admin session cookie: set after a successful password login, accepted instead of one. */
export const ADMIN_SESSION_COOKIE = 'hexcast_admin_session';
const REALM = 'Basic realm="hexcast admin", charset="UTF-8"';

export interface AdminAuthOptions {
  /** the TCP peer address, for throttling failed logins per client when no proxy header names one */
  readonly peerAddress?: PeerAddress | undefined;
}

/**
 * Admin authentication, as Owncast: HTTP Basic as `admin` with the admin password, or the admin
 * session cookie that a successful login sets (HttpOnly, SameSite=Lax, Secure behind TLS or a
 * proxy saying `X-Forwarded-Proto: https`). Preflights (`OPTIONS`) answer 204 without
 * credentials and without CORS grants, so other origins cannot call the admin API from a
 * browser. Failed logins count per client address (`loginAddress`); once an address is blocked it
 * gets 429 with Retry-After, whatever the password (ADR 11).
 */
export function adminAuth(api: AdminAuthApi, options: AdminAuthOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    const session = getCookie(c, ADMIN_SESSION_COOKIE);
    if (session !== undefined && (await api.isAdminSession(session))) return next();
    const credentials = parseBasic(c.req.header('authorization'));
    if (credentials === undefined) return unauthorized(c);
    const login = await api.adminLogin({ address: loginAddress(c, options.peerAddress), ...credentials });
    if (!login.ok) return login.error.kind === 'rate-limited' ? errorResponse(c, login.error) : unauthorized(c);
    const { token, ttlMs } = await api.createAdminSession();
    setCookie(c, ADMIN_SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c), maxAge: Math.floor(ttlMs / 1000) });
    return next();
  };
}

function unauthorized(c: Context): Response {
  c.header('WWW-Authenticate', REALM);
  return c.text('Unauthorized', 401);
}

function isHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:';
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
