import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { UpgradeWebSocket } from 'hono/ws';
import type { Logger } from '@hexcast/core';
import { adminAuth } from './admin-auth.ts';
import type { HttpApi } from './api.ts';
import { chatSocketRoutes } from './chat-socket.ts';
import { failure } from './errors.ts';
import type { KeepaliveOptions } from './keepalive.ts';
import { openApiRoutes } from './openapi/openapi-routes.ts';
import { requestOrigin, type PeerAddress } from './peer-address.ts';
import { adminChatRoutes } from './routes/admin-chat.ts';
import { adminOpsRoutes } from './routes/admin-ops.ts';
import { healthRoutes } from './routes/health.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { adminConfigRoutes } from './routes/admin-config.ts';
import { adminServerConfigRoutes } from './routes/admin-serverconfig.ts';
import { publicFileRoutes } from './routes/public-files.ts';
import { staticAssetRoutes } from './routes/static-assets.ts';
import { adminEmojiRoutes } from './routes/admin-emoji.ts';
import { adminStreamRoutes } from './routes/admin-stream.ts';
import { adminUserRoutes } from './routes/admin-users.ts';
import { chatRoutes } from './routes/chat.ts';
import { integrationRoutes } from './routes/integrations.ts';
import { videoRoutes } from './routes/video.ts';
import { webAppRoutes } from './routes/web-app.ts';
import { publicRoutes } from './routes/public.ts';
import { DEFAULT_TRUSTED_PROXIES, type TrustedProxies } from './trusted-proxies.ts';

export interface HttpAppOptions {
  /** Where unexpected errors are reported (never shown to the client). */
  readonly logger?: Logger;
  /** The TCP peer address of a request (the Node server provides it); used when no proxy header says otherwise. */
  readonly peerAddress?: PeerAddress;
  /**
   * The peers whose `X-Forwarded-For`/`X-Forwarded-Proto` are believed (default: loopback and
   * private ranges). Give the video fast path (`createNodeServer`) the same list. ADR 13.
   */
  readonly trustedProxies?: TrustedProxies;
  /**
   * The runtime's WebSocket upgrade, for chat at `/ws`: on Node, `upgradeWebSocket` from
   * `@hono/node-server`, with the server created by `createAdaptorServer`/`serve` given
   * `websocket: { server: new WebSocketServer({ noServer: true }) }`. Without it `/ws` answers
   * 501 and everything else works (chat over the REST and integration routes included).
   */
  readonly upgradeWebSocket?: UpgradeWebSocket<unknown>;
  /** Transport pings on chat sockets (defaults: every 54 s, dropped after 60 s without a pong). */
  readonly chatKeepalive?: KeepaliveOptions;
  /**
   * The browser app's directories, searched in order (an override directory, then the built app
   * from `@hexcast/web`'s `ensureWebBuild()`). Without it the pages and `/assets/*` are not served.
   */
  readonly webAppDirs?: readonly string[];
  /** The folder served read-only at `/public/*` (Owncast's `data/public`); without it `/public/*` is 404. */
  readonly publicDir?: string;
}

/**
 * The whole HTTP surface of hexcast as a Hono app, ready to mount in any Hono/Node server.
 * Unknown `/api/*` routes answer 404 JSON; unexpected errors answer 500 without details.
 */
export function createHttpApp(api: HttpApi, options: HttpAppOptions = {}): Hono {
  const app = new Hono();
  const origin = requestOrigin(options.peerAddress, options.trustedProxies ?? DEFAULT_TRUSTED_PROXIES);
  const auth = adminAuth(api, { origin });
  app.use('/api/admin/*', auth);
  app.route('/api/admin/config', adminConfigRoutes(api));
  app.route('/api/admin', adminServerConfigRoutes(api));
  app.route('/api/admin', adminStreamRoutes(api));
  app.route('/api/admin/chat', adminChatRoutes(api));
  app.route('/api/admin/emoji', adminEmojiRoutes(api));
  app.route('/api/admin', adminUserRoutes(api));
  app.route('/api/admin', adminOpsRoutes(api));
  app.route('/', metricsRoutes(api, { origin }));
  app.route('/', healthRoutes(api));
  app.route('/api/integrations', integrationRoutes(api));
  app.route('/', videoRoutes(api, { origin }));
  app.route('/api', publicRoutes(api, { origin }));
  app.route('/', staticAssetRoutes(api));
  if (options.publicDir !== undefined) app.route('/', publicFileRoutes(options.publicDir));
  app.route('/', openApiRoutes());
  app.route('/', chatRoutes(api, { origin }));
  app.route('/', chatSocketRoutes(api, { upgradeWebSocket: options.upgradeWebSocket, origin, logger: options.logger, keepalive: options.chatKeepalive }));
  if (options.webAppDirs) app.route('/', webAppRoutes({ dirs: options.webAppDirs, adminAuth: auth, settings: api }));
  app.all('/api/*', (c) => c.json({ error: `no such API route: ${c.req.method} ${c.req.path}` }, 404));
  app.notFound((c) => c.text('Not Found', 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    options.logger?.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error in HTTP handler');
    return c.req.path.startsWith('/api/') ? failure(c, 500, 'internal server error') : c.text('Internal Server Error', 500);
  });
  return app;
}
