import { expect, it } from 'vitest';
import { startServerProcess, tempDataDir } from './server-process.ts';

// Broadcasts share one UTF-8 buffer across sockets: it must still go out as a TEXT frame (browsers would get a Blob).
it('broadcast chat frames arrive as text frames', async () => {
  const server = await startServerProcess(tempDataDir());
  try {
    const token = async () => ((await (await fetch(`${server.url}/api/chat/register`, { method: 'POST', body: '{}' })).json()) as { accessToken: string }).accessToken;
    const open = (t: string) => new Promise<WebSocket>((resolve) => { const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws?accessToken=${t}`); ws.onopen = () => resolve(ws); });
    const a = await open(await token());
    const b = await open(await token());
    const got = new Promise<unknown>((resolve) => { b.onmessage = (e) => { if (String(e.data).includes('"CHAT"')) resolve(e.data); }; });
    await new Promise((r) => setTimeout(r, 300));
    a.send(JSON.stringify({ type: 'CHAT', body: 'hello' }));
    const data = await got;
    expect(typeof data).toBe('string');
    a.close(); b.close();
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});
