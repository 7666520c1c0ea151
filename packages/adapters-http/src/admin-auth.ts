import type { MiddlewareHandler } from 'hono';
import type { AdminAuthApi } from './api.ts';

export const ADMIN_USERNAME = 'admin';
const REALM = 'Basic realm="hexcast admin", charset="UTF-8"';

/**
 * HTTP Basic authentication as the admin (user `admin`, the admin password). The password is
 * checked against its bcrypt hash, which takes the same time whatever the candidate is; the
 * user name is compared without short-circuiting for the same reason.
 */
export function adminAuth(api: AdminAuthApi): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    const credentials = parseBasic(c.req.header('authorization'));
    const passwordOk = await api.verifyAdminPassword(credentials?.password ?? '');
    const userOk = credentials !== undefined && credentials.user === ADMIN_USERNAME;
    if (!(passwordOk && userOk)) {
      c.header('WWW-Authenticate', REALM);
      return c.text('Unauthorized', 401);
    }
    await next();
  };
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
