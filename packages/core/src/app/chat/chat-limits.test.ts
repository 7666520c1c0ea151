import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChatHarness, settle } from '../../testing/chat-harness.ts';
import { FakeChatSink } from '../../testing/fake-chat-sink.ts';
import { PlainChatRenderer } from './plain-chat-renderer.ts';
import { CHAT_TEXTS } from './chat-texts.ts';

const notice = (text: string) => new PlainChatRenderer().render(text, []);

const say = (body: string) => JSON.stringify({ type: 'CHAT', body });
const bodies = (sink: FakeChatSink, type: string) => sink.ofType(type).map((e) => e.body);

describe('ChatService limits and modes', () => {
  it('mutes a flooding client for 10 s, then lets it talk again', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    for (const n of [1, 2, 3, 4, 5]) alice.connection.receive(say(`m${n}`));
    await settle();
    expect(bodies(alice.sink, 'CHAT')).toEqual(['<p>m1</p>', '<p>m2</p>', '<p>m3</p>']);
    expect(bodies(alice.sink, 'CHAT_ACTION')).toEqual([notice(CHAT_TEXTS.flooding)]);

    h.clock.advance(9_999);
    alice.connection.receive(say('still muted'));
    await settle();
    expect(bodies(alice.sink, 'CHAT')).toHaveLength(3);

    h.clock.advance(1);
    alice.connection.receive(say('back'));
    await settle();
    expect(bodies(alice.sink, 'CHAT').at(-1)).toBe('<p>back</p>');
    expect(bodies(alice.sink, 'CHAT_ACTION')).toHaveLength(1);
  });

  it('does not limit the rate with spam protection off', async () => {
    const h = await createChatHarness({ chatSettings: { spamProtectionEnabled: false } });
    const alice = await h.connect();
    for (let n = 0; n < 10; n++) alice.connection.receive(say(`m${n}`));
    await settle();
    expect(bodies(alice.sink, 'CHAT')).toHaveLength(10);
  });

  it('answers frames over 2048 bytes with a notice and closes the socket over 4096', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    alice.connection.receive(say('é'.repeat(1100)));
    await settle();
    expect(bodies(alice.sink, 'CHAT_ACTION')).toEqual([notice(CHAT_TEXTS.tooLarge)]);
    expect(alice.sink.closedWith).toBeUndefined();
    alice.connection.receive(say('x'.repeat(5000)));
    expect(alice.sink.closedWith?.code).toBe(1009);
    expect(h.chat.listChatClients()).toEqual([]);
    expect(await h.repositories.chatMessages.count()).toBe(0);
  });

  it('drops a client that never reads, keeping memory bounded', async () => {
    const h = await createChatHarness({ chatOptions: { outbox: { maxBufferedBytes: 64 * 1024 } } });
    const slow = await h.connect({ sink: new FakeChatSink({ draining: false }) });
    const talker = await h.connect();
    await h.settings.update('chat', { spamProtectionEnabled: false });
    for (let n = 0; n < 400; n++) {
      talker.connection.receive(say(`message ${n} ${'x'.repeat(500)}`));
      await settle();
    }
    expect(slow.sink.closedWith?.code).toBe(1008);
    expect(slow.sink.sendsAfterClose).toBe(0);
    expect(slow.sink.bufferedAmount()).toBeLessThan(64 * 1024 + 4096);
    expect(h.chat.listChatClients().map((c) => c.id)).toEqual([talker.connection.clientId]);
    expect(talker.sink.ofType('CHAT')).toHaveLength(400);
  });

  it('drops a client with more pending events than allowed in one turn', async () => {
    const h = await createChatHarness({ chatOptions: { outbox: { maxPendingEvents: 3 } } });
    const alice = await h.connect();
    await settle();
    for (let n = 0; n < 5; n++) h.events.publish({ type: 'stream-stopped', at: h.clock.now() });
    expect(alice.sink.closedWith?.code).toBe(1008);
    expect(h.chat.listChatClients()).toEqual([]);
  });

  it('holds back new users in established-user mode, but not moderators or users old enough', async () => {
    const h = await createChatHarness({ chatSettings: { establishedUserMode: true, establishedUserModeMinutes: 15 } });
    const newbie = await h.connect();
    const mod = await h.connect();
    await h.chat.setModerator({ userId: mod.user.id, isModerator: true });
    newbie.connection.receive(say('hello'));
    mod.connection.receive(say('welcome'));
    await settle();
    expect(bodies(newbie.sink, 'CHAT_ACTION')).toEqual([notice(CHAT_TEXTS.notEstablished)]);
    expect(bodies(newbie.sink, 'CHAT')).toEqual(['<p>welcome</p>']);
    h.clock.advance(15 * 60_000);
    newbie.connection.receive(say('hello now'));
    await settle();
    expect(bodies(mod.sink, 'CHAT').at(-1)).toBe('<p>hello now</p>');
  });

  it('drops messages of unauthenticated users when authentication is required', async () => {
    const h = await createChatHarness({ chatSettings: { requireAuthentication: true } });
    const anon = await h.connect();
    const signedIn = await h.connect();
    await h.repositories.users.setAuthenticated(signedIn.user.id, 'IndieAuth');
    anon.connection.receive(say('hi'));
    // Signed in after connecting: the next message counts it.
    signedIn.connection.receive(say('signed in'));
    await settle();
    expect(bodies(anon.sink, 'CHAT_ACTION')).toEqual([notice(CHAT_TEXTS.needsAuthentication)]);
    expect(bodies(anon.sink, 'CHAT')).toEqual(['<p>signed in</p>']);
  });

  it('refuses messages with blocked words when the slur filter is on', async () => {
    const h = await createChatHarness({ chatOptions: { slurWords: ['bloop'] }, chatSettings: { slurFilterEnabled: true } });
    const alice = await h.connect();
    alice.connection.receive(say('you BL00OOP'));
    h.clock.advance(1000);
    alice.connection.receive(say('bloopers are fine'));
    await settle();
    expect(bodies(alice.sink, 'CHAT_ACTION')).toEqual([notice(CHAT_TEXTS.slur)]);
    expect(bodies(alice.sink, 'CHAT')).toEqual(['<p>bloopers are fine</p>']);
  });

  it('never throws on malformed frames of any kind, and keeps serving', async () => {
    const h = await createChatHarness({ chatSettings: { spamProtectionEnabled: false } });
    const alice = await h.connect();
    const frame = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.json(),
      fc.record({ type: fc.constantFrom('CHAT', 'NAME_CHANGE', 'COLOR_CHANGE', 'PING', 'USER_JOINED', 'x'), body: fc.anything(), newName: fc.anything(), newColor: fc.anything() }).map((v) => JSON.stringify(v)),
      fc.anything().map((v) => {
        try {
          return JSON.stringify(v) ?? 'undefined';
        } catch {
          return String(typeof v);
        }
      }),
    );
    fc.assert(
      fc.property(frame, (f) => {
        alice.connection.receive(f);
      }),
      { numRuns: 300 },
    );
    await settle();
    await settle();
    expect(h.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    alice.connection.receive(say('still here'));
    await settle();
    expect(bodies(alice.sink, 'CHAT').at(-1)).toBe('<p>still here</p>');
  });
});
