import type { MiddlewareHandler } from 'hono';
import type { AccessToken, ChatAuthApi, UserScope } from '@hexcast/core';
import { tokenRefusal } from './errors.ts';
import type { RequestOrigin } from './peer-address.ts';

/** What `integrationAuth` leaves for the route: the caller's access token. */
export interface IntegrationVariables {
  integration: AccessToken;
}

/**
 * Routes that take a chat user's `?accessToken=` (Owncast's `RequireUserAccessToken`, and with
 * `requireModerator` its moderation variant). Refusals are a bare 401 `unauthorized`.
 */
export function chatUserAuth(api: ChatAuthApi, options: { readonly requireModerator?: boolean; readonly origin: RequestOrigin }): MiddlewareHandler {
  return async (c, next) => {
    const result = await api.authenticateChatUser({
      accessToken: c.req.query('accessToken'),
      ipAddress: options.origin.address(c),
      requireModerator: options.requireModerator ?? false,
    });
    if (!result.ok) return tokenRefusal(c, result.error);
    await next();
  };
}

/** `Authorization: Bearer <token>`, the scheme in any case; `undefined` without one. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  const token = header.slice(7);
  return token === '' ? undefined : token;
}

/**
 * The 3rd-party API guard (Owncast's `RequireExternalAPIAccessToken`): any preflight is answered
 * 204 with `Access-Control-Allow-Origin: *`; otherwise the bearer token must exist and hold
 * `scope`, else a bare 401 `unauthorized`. Accepted requests get the wildcard CORS header too.
 */
export function integrationAuth(api: ChatAuthApi, scope: UserScope): MiddlewareHandler<{ Variables: IntegrationVariables }> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Origin', '*');
      // Owncast sends only the origin; without these a browser's preflight for a bearer POST fails.
      c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      return c.body(null, 204);
    }
    const result = await api.authenticateIntegration(bearerToken(c.req.header('authorization')), scope);
    if (!result.ok) return tokenRefusal(c, result.error);
    c.set('integration', result.value);
    c.header('Access-Control-Allow-Origin', '*');
    await next();
  };
}
