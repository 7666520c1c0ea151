import { describe, expect, it } from 'vitest';
import { readChatHtml } from '@hexcast/core/testing';
import { adminGet, adminPost, join, type ChatClient, type ReceivedEvent } from './chat-client.ts';
import { serversKilledAfterEach, tempDataDir, type ServerProcess } from './server-process.ts';

const startServer = serversKilledAfterEach();
const start = (): Promise<ServerProcess> => startServer(tempDataDir());

const chats = (client: ChatClient) => client.events.filter((e) => e.type === 'CHAT');
const bodyText = (event: ReceivedEvent | undefined) => String(event?.body ?? '').replace(/<[^>]*>/g, '');

describe('chat over real WebSockets', () => {
  it('two users see each other’s messages: the same sequence for both, each sender’s in the order sent', async () => {
    const server = await start();
    // Without spam protection a burst is allowed, so ordering is tested under load (the client splits batched frames on "\n").
    expect((await adminPost(server, '/api/admin/config/chat/spamprotectionenabled', { value: false })).status).toBe(200);
    const alice = await join(server, 'Alice');
    const bob = await join(server, 'Bob');
    const sent = Array.from({ length: 20 }, (_, i) => `message ${i}`);
    for (const [i, text] of sent.entries()) (i % 2 === 0 ? alice : bob).client.send({ type: 'CHAT', body: text });
    for (const { client } of [alice, bob]) await client.waitFor('all 20 messages', () => chats(client).length === 20);
    expect(chats(alice.client).map((e) => e.id)).toEqual(chats(bob.client).map((e) => e.id));
    const seen = chats(bob.client).map((e) => ({ text: bodyText(e), from: (e.user as { displayName: string }).displayName }));
    expect(seen.filter((m) => m.from === 'Alice').map((m) => m.text)).toEqual(sent.filter((_, i) => i % 2 === 0));
    expect(seen.filter((m) => m.from === 'Bob').map((m) => m.text)).toEqual(sent.filter((_, i) => i % 2 === 1));

    // A conversation (each waits for the other) arrives in conversation order.
    for (const [i, speaker] of [alice, bob, alice, bob].entries()) {
      speaker.client.send({ type: 'CHAT', body: `turn ${i}` });
      for (const { client } of [alice, bob]) await client.waitFor(`turn ${i}`, (e) => e.type === 'CHAT' && bodyText(e) === `turn ${i}`);
    }
    expect(chats(alice.client).slice(20).map(bodyText)).toEqual(['turn 0', 'turn 1', 'turn 2', 'turn 3']);
  });

  it('a rename and a colour change are seen by the other user', async () => {
    const server = await start();
    const alice = await join(server, 'Alice');
    const bob = await join(server, 'Bob');
    alice.client.send({ type: 'NAME_CHANGE', newName: 'Alicia' });
    const renamed = await bob.client.waitForType('NAME_CHANGE');
    expect(renamed).toMatchObject({ oldName: 'Alice', user: { id: alice.user.id, displayName: 'Alicia' } });
    // Registration picks a random colour, and setting the current one is a no-op: pick another.
    const newColor = ((renamed.user as { displayColor: number }).displayColor + 3) % 8;
    alice.client.send({ type: 'COLOR_CHANGE', newColor });
    await bob.client.waitForType('COLOR_CHANGE', (e) => (e.user as { displayColor: number }).displayColor === newColor);
    alice.client.send({ type: 'CHAT', body: 'it is me' });
    const chat = await bob.client.waitForType('CHAT');
    expect(chat.user).toMatchObject({ displayName: 'Alicia', displayColor: newColor, previousNames: expect.arrayContaining(['Alice']) });
    // A taken name is refused with a notice to the renamer only.
    bob.client.send({ type: 'NAME_CHANGE', newName: 'alicia' });
    await bob.client.waitForType('CHAT_ACTION', (e) => /already registered|cannot change/i.test(String(e.body)));
  });

  it('an XSS payload arrives at the other user as sanitised HTML', async () => {
    const server = await start();
    const mallory = await join(server, 'Mallory');
    const victim = await join(server, 'Victim');
    const payload = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '[click](javascript:alert(3))',
      '<a href="javascript:alert(4)" onclick="alert(5)">link</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(6)>',
      '**bold** https://example.com',
    ].join('\n');
    mallory.client.send({ type: 'CHAT', body: payload });
    const received = await victim.client.waitForType('CHAT');
    const html = String(received.body);
    expect(readChatHtml(html).problems).toEqual([]);
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<(script|iframe|svg|object|embed|style)/i);
      expect(tag).not.toMatch(/\son\w+\s*=/i);
      expect(tag).not.toMatch(/javascript:/i);
      if (/^<img/i.test(tag)) expect(tag).toMatch(/src="\/img\/emoji\//);
    }
    expect(html).toMatch(/<strong>bold<\/strong>/);
    expect(html).toMatch(/<a [^>]*href="https:\/\/example\.com"/);
    // The dangerous parts arrive as visible text, not as markup.
    expect(readChatHtml(html).text).toContain('<script>alert(1)</script>');
  });

  it('the admin hides a message: everyone gets VISIBILITY-UPDATE and viewers no longer see it', async () => {
    const server = await start();
    const alice = await join(server, 'Alice');
    const bob = await join(server, 'Bob');
    alice.client.send({ type: 'CHAT', body: 'regrettable' });
    const chat = await bob.client.waitForType('CHAT');
    const hide = await adminPost(server, '/api/admin/chat/messagevisibility', { idArray: [chat.id], visible: false });
    expect(hide.status).toBe(200);
    for (const { client } of [alice, bob]) {
      const update = await client.waitForType('VISIBILITY-UPDATE');
      expect(update).toMatchObject({ ids: [chat.id], visible: false });
    }
    const history = (await (await fetch(`${server.url}/api/chat?accessToken=${bob.user.accessToken}`)).json()) as { id: string }[];
    expect(history.map((m) => m.id)).not.toContain(chat.id);
    const all = await adminGet<{ id: string; visible: boolean; hiddenAt?: string }[]>(server, '/api/admin/chat/messages');
    expect(all.find((m) => m.id === chat.id)).toMatchObject({ visible: false, hiddenAt: expect.any(String) });
  });

  it('a flood gets the CHAT_ACTION notice and is not relayed', async () => {
    const server = await start();
    const flooder = await join(server, 'Flooder');
    const watcher = await join(server, 'Watcher');
    for (let i = 0; i < 10; i++) flooder.client.send({ type: 'CHAT', body: `spam ${i}` });
    await flooder.client.waitForType('CHAT_ACTION', (e) => /perceived flooding/.test(String(e.body)));
    await new Promise((r) => setTimeout(r, 300));
    expect(chats(watcher.client).length).toBeLessThan(10);
    expect(chats(watcher.client).length).toBeGreaterThan(0);
  });

  it('oversized frames: a notice over 2 KiB, closed over 4 KiB, and cut by the transport over 64 KiB', async () => {
    const server = await start();
    const alice = await join(server, 'Alice');
    alice.client.send({ type: 'CHAT', body: 'x'.repeat(3000) });
    await alice.client.waitForType('CHAT_ACTION', (e) => /exceeded the maximum size/.test(String(e.body)));

    alice.client.send({ type: 'CHAT', body: 'x'.repeat(5000) });
    expect(await alice.client.closed).toEqual({ code: 1009, reason: 'message too big' });

    // ws refuses it while reading (no reason given), before the frame is ever buffered whole.
    const bob = await join(server, 'Bob');
    bob.client.sendRaw('y'.repeat(100 * 1024));
    expect(await bob.client.closed).toEqual({ code: 1009, reason: '' });
    // The server is unharmed.
    const carol = await join(server, 'Carol');
    carol.client.send({ type: 'CHAT', body: 'still here' });
    await carol.client.waitForType('CHAT');
  });

  it('established-user mode: a brand-new user gets a notice instead of posting', async () => {
    const server = await start();
    expect((await adminPost(server, '/api/admin/config/chat/establishedusermode', { value: true })).status).toBe(200);
    const newbie = await join(server, 'Newbie');
    const watcher = await join(server, 'Watcher');
    newbie.client.send({ type: 'CHAT', body: 'first!' });
    await newbie.client.waitForType('CHAT_ACTION', (e) => /established chat participant/.test(String(e.body)));
    await new Promise((r) => setTimeout(r, 300));
    expect(chats(watcher.client)).toEqual([]);
  });
});
