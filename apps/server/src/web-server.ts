import type http from 'node:http';
import { WebSocketServer } from 'ws';
import { createNodeServer, type TrustedProxies, type VideoApi } from '@hexcast/adapters-http';
import type { Hono } from 'hono';

/**
 * Inbound WebSocket frames larger than this are refused by `ws` itself (close 1009) before they
 * are buffered; the chat core applies Owncast's smaller limits (2 KiB notice, 4 KiB close).
 */
export const MAX_WEBSOCKET_FRAME_BYTES = 64 * 1024;
/** How long chat sockets get to say goodbye at shutdown before they are cut. */
const WEBSOCKET_CLOSE_GRACE_MS = 1_000;

export interface WebServer {
  readonly server: http.Server;
  /** Stops accepting, ends HTTP connections and chat sockets (1001, then cut after a grace); runs once. */
  close(): Promise<void>;
}

/** The HTTP server with the video fast path, the Hono app and chat WebSockets on `/ws`. */
export function createWebServer(options: { api: VideoApi; app: Hono; trustedProxies: TrustedProxies; onError: (error: unknown) => void }): WebServer {
  // No per-message compression: it costs memory per socket and opens the door to inflation bombs.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WEBSOCKET_FRAME_BYTES, perMessageDeflate: false });
  const server = createNodeServer({
    api: options.api,
    app: options.app,
    websocket: wss,
    // the video fast path counts viewers by address: the same proxies as the Hono app (ADR 13)
    trustedProxies: options.trustedProxies,
    // Slow or stalled clients must not hold sockets forever (Owncast: 4 s to read headers).
    serverOptions: { headersTimeout: 10_000, requestTimeout: 60_000 },
    onError: options.onError,
  });
  let closing: Promise<void> | undefined;
  return {
    server,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of wss.clients) socket.close(1001, 'server shutting down');
        setTimeout(() => {
          for (const socket of wss.clients) socket.terminate();
        }, WEBSOCKET_CLOSE_GRACE_MS).unref();
      })),
  };
}
