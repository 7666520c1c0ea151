import { Hono } from 'hono';
import type { UpgradeWebSocket, WSContext, WSEvents, WSMessageReceive } from 'hono/ws';
import type { ChatConnection, ChatSessionApi, ChatSink, Logger } from '@hexcast/core';
import { chatRefusalResponse } from './errors.ts';
import { isPingable, keepAlive, type KeepaliveOptions } from './keepalive.ts';
import type { RequestOrigin } from './peer-address.ts';

/** Frames a client sends before its connection is accepted are kept, up to this many (then dropped). */
const MAX_EARLY_FRAMES = 32;
/** WebSocket close reasons are limited to 123 bytes. */
const MAX_CLOSE_REASON_BYTES = 123;
const OPEN = 1;

export interface ChatSocketOptions {
  /** The runtime's WebSocket upgrade (`upgradeWebSocket` of `@hono/node-server`); without it `/ws` answers 501. */
  readonly upgradeWebSocket?: UpgradeWebSocket<unknown> | undefined;
  /** who the client is (IP bans): see `requestOrigin` */
  readonly origin: RequestOrigin;
  readonly logger?: Logger | undefined;
  readonly keepalive?: KeepaliveOptions | undefined;
}

/**
 * `GET /ws?accessToken=…`, Owncast's chat socket. Disabled chat and banned addresses are answered
 * over plain HTTP before upgrading; everything after the upgrade (token refusals, events, limits)
 * is the core's, through a `ChatSink` over the socket.
 */
export function chatSocketRoutes(api: ChatSessionApi, options: ChatSocketOptions): Hono {
  const app = new Hono();
  app.get('/ws', async (c) => {
    const ipAddress = options.origin.address(c);
    const admission = await api.checkChatAdmission({ ipAddress });
    if (!admission.ok) return chatRefusalResponse(c, admission.error);
    if (options.upgradeWebSocket === undefined) return c.text('this server was set up without WebSocket support, so chat is unavailable', 501);
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') return c.text('Bad Request: /ws is a WebSocket endpoint', 400);
    const request = { accessToken: c.req.query('accessToken'), ipAddress, userAgent: c.req.header('user-agent') ?? '' };
    return options.upgradeWebSocket(c, chatSocketEvents(api, request, options));
  });
  return app;
}

function chatSocketEvents(api: ChatSessionApi, request: { accessToken: string | undefined; ipAddress: string; userAgent: string }, options: ChatSocketOptions): WSEvents<unknown> {
  let connection: ChatConnection | undefined;
  let closed = false;
  let stopKeepalive: (() => void) | undefined;
  const early: string[] = [];
  return {
    onOpen: (_event, ws) => {
      const sink = socketSink(ws);
      if (isPingable(ws.raw)) stopKeepalive = keepAlive(ws.raw, options.keepalive);
      // async, so that an implementation throwing synchronously is handled like a rejection
      (async () => api.connectChat({ ...request, sink }))().then(
        (result) => {
          // A refusal: the core has sent its ERROR_* event and closed the socket.
          if (!result.ok) return;
          connection = result.value;
          if (closed) connection.closed();
          else for (const frame of early.splice(0)) connection.receive(frame);
        },
        (error: unknown) => {
          options.logger?.error({ err: error }, 'could not accept a chat connection');
          sink.close(1011, 'internal error');
        },
      );
    },
    onMessage: (event) => {
      const frame = frameText(event.data);
      if (frame === undefined) return;
      if (connection !== undefined) connection.receive(frame);
      else if (early.length < MAX_EARLY_FRAMES) early.push(frame);
    },
    onClose: () => {
      closed = true;
      stopKeepalive?.();
      connection?.closed();
    },
    onError: (event) => {
      options.logger?.debug({ err: (event as ErrorEvent).error }, 'chat socket error');
    },
  };
}

/** What the chat needs of a `ws` WebSocket (what `@hono/node-server` puts in `WSContext.raw`). */
interface RawSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string | Uint8Array, options: { binary: boolean }): void;
  close(code?: number, reason?: string): void;
}

function isRawSocket(raw: unknown): raw is RawSocket {
  const socket = raw as Partial<RawSocket> | null | undefined;
  return typeof socket?.send === 'function' && typeof socket.close === 'function' && typeof socket.readyState === 'number' && typeof socket.bufferedAmount === 'number';
}

/**
 * The core's view of the socket: never throws, stops sending once closing. On Node it writes to
 * the `ws` socket underneath directly (one call per frame, shared bytes sent as they are); other
 * runtimes go through Hono's `WSContext`.
 */
function socketSink(ws: WSContext<unknown>): ChatSink {
  const socket: RawSocket = isRawSocket(ws.raw) ? ws.raw : contextSocket(ws);
  let closing = false;
  return {
    send(frame) {
      if (closing || socket.readyState !== OPEN) return;
      try {
        socket.send(frame, TEXT);
      } catch {
        // the peer went away between the check and the write: the close handler follows
      }
    },
    bufferedAmount: () => socket.bufferedAmount,
    close(code, reason) {
      if (closing) return;
      closing = true;
      try {
        socket.close(code, truncateUtf8(reason, MAX_CLOSE_REASON_BYTES));
      } catch {
        // an invalid close code: close without one
        socket.close();
      }
    },
  };
}

const TEXT = { binary: false } as const;
const decoder = new TextDecoder();

/** A `WSContext` seen as a raw socket (text frames only; no buffered amount to read). */
function contextSocket(ws: WSContext<unknown>): RawSocket {
  return {
    get readyState() {
      return ws.readyState;
    },
    bufferedAmount: 0,
    send: (data) => ws.send(typeof data === 'string' ? data : decoder.decode(data)),
    close: (code, reason) => ws.close(code, reason),
  };
}

/** Text frames as they are; binary frames decoded as UTF-8 (Owncast reads both alike). */
function frameText(data: WSMessageReceive): string | undefined {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || data instanceof SharedArrayBuffer) return decoder.decode(data);
  return undefined;
}

function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength <= maxBytes) return text;
  return new TextDecoder().decode(bytes.slice(0, maxBytes)).replace(/\uFFFD$/, '');
}
