import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

/** Response headers that describe the connection or the body's framing: ours replace them. */
const HOP_HEADERS = new Set(['connection', 'content-length', 'keep-alive', 'transfer-encoding', 'upgrade', 'trailer', 'te']);

/**
 * Lets a refused WebSocket upgrade's body reach the client. `@hono/node-server` answers an
 * upgrade the app refuses with the status and headers only (`Content-Length: 0`), so a client
 * refused because chat is disabled would never read `CHAT_DISABLED`. This answers such refusals
 * itself, whole, on the socket, and returns once the socket is closed: Hono then finds it gone
 * and writes nothing more. Plain requests and accepted upgrades pass through.
 */
export function answerRefusedUpgrades(fetch: Fetch): Fetch {
  return async (request, env) => {
    const response = await fetch(request, env);
    const incoming = upgradeRequest(env);
    if (incoming === undefined || isUpgrading(response)) return response;
    await refuse(incoming.socket, response);
    return response;
  };
}

/** Hono's `upgradeWebSocket` answers an upgrade it takes with an empty 200 (no body at all); anything else is a refusal. */
function isUpgrading(response: Response): boolean {
  return response.status === 200 && response.body === null;
}

/** The Node request when this is `@hono/node-server`'s upgrade path (it passes no `outgoing` there). */
function upgradeRequest(env: unknown): IncomingMessage | undefined {
  const { incoming, outgoing } = (env ?? {}) as { incoming?: IncomingMessage; outgoing?: unknown };
  if (incoming === undefined || outgoing !== undefined) return undefined;
  return incoming.headers.upgrade?.toLowerCase() === 'websocket' ? incoming : undefined;
}

async function refuse(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  if (socket.destroyed) return;
  const lines = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`, 'Connection: close', `Content-Length: ${body.byteLength}`];
  response.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) lines.push(`${name}: ${value}`);
  });
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    // Closed once written; the peer's unread request bytes (if any) cannot hold it open.
    socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]), () => socket.destroy());
  });
}
