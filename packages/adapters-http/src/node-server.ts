import http from 'node:http';
import { createAdaptorServer, type WebSocketServerLike } from '@hono/node-server';
import type { Hono } from 'hono';
import type { VideoApi } from './api.ts';
import { withVideoFastPath } from './node-listener.ts';
import type { TrustedProxies } from './trusted-proxies.ts';
import { answerRefusedUpgrades } from './upgrade-refusal.ts';

export interface NodeServerOptions {
  readonly api: VideoApi;
  readonly app: Hono;
  /**
   * A `ws` `WebSocketServer` created with `noServer: true` (its `maxPayload` caps inbound
   * frames); upgrades to `/ws` go through the app's `upgradeWebSocket` route. Without it the
   * server answers no upgrades.
   */
  readonly websocket?: WebSocketServerLike | undefined;
  /** Node's server options (timeouts). */
  readonly serverOptions?: http.ServerOptions;
  /** Whose `X-Forwarded-For` the video fast path believes (default: loopback and private ranges; ADR 13). */
  readonly trustedProxies?: TrustedProxies | undefined;
  /** Unexpected failures of the video fast path. */
  readonly onError: (error: unknown) => void;
}

/**
 * A Node HTTP server (not yet listening) for the whole surface: video requests on the fast path,
 * everything else through Hono, and WebSocket upgrades wired the way `@hono/node-server` expects.
 */
export function createNodeServer(options: NodeServerOptions): http.Server {
  const createServer = (serverOptions: http.ServerOptions, listener: http.RequestListener) => http.createServer(serverOptions, withVideoFastPath(options.api, listener, options.onError, options.trustedProxies));
  return createAdaptorServer({
    // Refused upgrades keep their body (chat disabled: `CHAT_DISABLED`), which Hono's own answer drops.
    fetch: options.websocket ? answerRefusedUpgrades(options.app.fetch) : options.app.fetch,
    serverOptions: options.serverOptions ?? {},
    createServer: createServer as typeof http.createServer,
    ...(options.websocket ? { websocket: { server: options.websocket } } : {}),
  }) as http.Server;
}
