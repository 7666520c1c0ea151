import { Hono } from 'hono';
import { SOCIAL_PLATFORMS, socialPlatformIcon } from '@hexcast/core';
import type { StatusApi, VideoApi } from '../api.ts';
import { viewerClientId } from '../client-identity.ts';
import type { RequestOrigin } from '../peer-address.ts';

/** `GET /api/socialplatforms`: Owncast's map of platform key → `{platform, icon}`. */
const SOCIAL_PLATFORM_LIST = Object.fromEntries(Object.entries(SOCIAL_PLATFORMS).map(([key, platform]) => [key, { platform, icon: socialPlatformIcon(key) }]));

/** Public, unauthenticated routes under `/api`: status, web config, social platforms, viewer ping. */
export function publicRoutes(api: StatusApi & Pick<VideoApi, 'viewerSeen'>, options: { readonly origin: RequestOrigin }): Hono {
  const app = new Hono();
  app.get('/status', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(api.getStatus());
  });
  app.get('/config', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await api.getWebConfig());
  });
  app.get('/socialplatforms', (c) => c.json(SOCIAL_PLATFORM_LIST));
  // Marks the caller as an active viewer, as a playlist fetch does (video-only embeds and players without chat).
  app.get('/ping', (c) => {
    const address = options.origin.address(c);
    const userAgent = c.req.header('user-agent') ?? '';
    api.viewerSeen({ clientId: viewerClientId(address, userAgent), ipAddress: address, userAgent });
    c.header('Cache-Control', 'no-store');
    return c.body(null, 200);
  });
  return app;
}
