import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { answerRefusedUpgrades } from './upgrade-refusal.ts';

/** Enough of a `ws` WebSocketServer for `@hono/node-server` to install its upgrade handler; never upgrades. */
const fakeWss = { options: { noServer: true }, on() {}, off() {}, emit: () => false, close() {}, handleUpgrade() {} };

let close: (() => void) | undefined;
afterEach(() => close?.());

async function serve(app: Hono): Promise<number> {
  const server = createAdaptorServer({ fetch: answerRefusedUpgrades(app.fetch), websocket: { server: fakeWss as never } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  return (server.address() as AddressInfo).port;
}

/** Everything the server writes back to a raw WebSocket upgrade request, until it closes the connection. */
function upgrade(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('answerRefusedUpgrades', () => {
  it('sends a refused upgrade whole: status, headers and body, then closes', async () => {
    const app = new Hono();
    app.get('/ws', (c) => c.text('CHAT_DISABLED'));
    app.get('/banned', (c) => {
      c.header('X-Reason', 'banned');
      return c.body(null, 403);
    });
    const port = await serve(app);
    const disabled = await upgrade(port, '/ws');
    expect(disabled).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(disabled).toContain('\r\nContent-Length: 13\r\n');
    expect(disabled).toContain('\r\nConnection: close\r\n');
    expect(disabled).toContain('\r\ncontent-type: text/plain;charset=UTF-8\r\n');
    expect(disabled.endsWith('\r\n\r\nCHAT_DISABLED')).toBe(true);
    // Only one response: Hono adds nothing after ours.
    expect(disabled.match(/HTTP\/1\.1/g)).toHaveLength(1);

    const banned = await upgrade(port, '/banned');
    expect(banned).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(banned).toContain('\r\nx-reason: banned\r\n');
    expect(banned).toContain('\r\nContent-Length: 0\r\n');
    expect(banned.match(/HTTP\/1\.1/g)).toHaveLength(1);
  });

  it('leaves plain requests to the app', async () => {
    const app = new Hono();
    app.get('/ws', (c) => c.text('CHAT_DISABLED'));
    const port = await serve(app);
    const response = await fetch(`http://127.0.0.1:${port}/ws`);
    expect(await response.text()).toBe('CHAT_DISABLED');
  });
});
