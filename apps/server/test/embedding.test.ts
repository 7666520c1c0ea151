import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { tempDataDir } from './server-process.ts';

const DOC = fileURLToPath(new URL('../../../docs/embedding.md', import.meta.url));

/** The code block that follows the `<!-- embedding-example -->` marker in docs/embedding.md. */
function exampleFromDocs(): string {
  const markdown = fs.readFileSync(DOC, 'utf8');
  const match = /<!-- embedding-example -->\s*```ts\n([\s\S]*?)```/.exec(markdown);
  if (match?.[1] === undefined) throw new Error('docs/embedding.md has no embedding example block');
  return match[1];
}

// The example must live inside the repository so that the workspace packages resolve.
const scratch = fileURLToPath(new URL('./.embedding-example.ts', import.meta.url));
afterAll(() => fs.rmSync(scratch, { force: true }));

it('runs the embedding example from docs/embedding.md as written', async () => {
  fs.writeFileSync(scratch, exampleFromDocs());
  const child = spawn(process.execPath, [scratch], { env: { ...process.env, PORT: '0', DB_FILE: path.join(tempDataDir(), 'embedded.db') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      const found = /listening on (\d+)/.exec(output);
      if (found?.[1]) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`example exited with ${code}:\n${output}`)));
  });
  try {
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toMatch(/my own site/);
    const status = (await (await fetch(`http://127.0.0.1:${port}/live/api/status`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ online: false, viewerCount: 0 });
    const config = (await (await fetch(`http://127.0.0.1:${port}/live/api/config`)).json()) as Record<string, unknown>;
    expect(config.name).toBe('New hexcast server');
    // Chat is mounted too: a registered user's socket gets its CONNECTED_USER_INFO.
    const { accessToken } = (await (await fetch(`http://127.0.0.1:${port}/live/api/chat/register`, { method: 'POST', body: '{}' })).json()) as { accessToken: string };
    const socket = new WebSocket(`ws://127.0.0.1:${port}/live/ws?accessToken=${accessToken}`);
    const first = await new Promise<string>((resolve, reject) => {
      socket.onmessage = (event) => resolve(String(event.data));
      socket.onerror = () => reject(new Error('websocket failed'));
    });
    socket.close();
    expect(JSON.parse(first.split('\n')[0]!)).toMatchObject({ type: 'CONNECTED_USER_INFO' });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
});
