import { describe, expect, it } from 'vitest';
import { createChatHarness, settle } from '../../testing/chat-harness.ts';
import { InMemoryEmojiStore } from '../../testing/in-memory-emoji-store.ts';
import { decodeBase64, emojiName } from './emoji-service.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('emoji through the EmojiStore port', () => {
  it('uploads, lists, serves and deletes emoji', async () => {
    const h = await createChatHarness({ deps: { emoji: new InMemoryEmojiStore() } });
    expect(await h.chat.uploadEmoji({ name: 'party.png', data: `data:image/png;base64,${base64(PNG)}` })).toEqual({ ok: true, value: { name: 'party', url: '/img/emoji/party.png' } });
    expect(await h.chat.listEmoji()).toEqual([{ name: 'party', url: '/img/emoji/party.png' }]);
    expect(await h.chat.getEmojiFile('party.png')).toEqual({ body: PNG, contentType: 'image/png' });
    expect(await h.chat.deleteEmoji('/img/emoji/party.png')).toEqual({ ok: true, value: undefined });
    expect(await h.chat.listEmoji()).toEqual([]);
    expect(await h.chat.deleteEmoji('party')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('refuses what is not an image, bad base64 and bad names', async () => {
    const h = await createChatHarness({ deps: { emoji: new InMemoryEmojiStore() } });
    expect(await h.chat.uploadEmoji({ name: 'evil', data: btoa('<svg onload=alert(1)>') })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await h.chat.uploadEmoji({ name: 'x', data: '%%%not base64' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await h.chat.uploadEmoji({ name: 'x', data: '' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await h.chat.uploadEmoji({ name: 'bad name!', data: base64(PNG) })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('renders known emoji in chat messages', async () => {
    const h = await createChatHarness({ deps: { emoji: new InMemoryEmojiStore() } });
    await h.chat.uploadEmoji({ name: 'party', data: base64(PNG) });
    const alice = await h.connect();
    alice.connection.receive(JSON.stringify({ type: 'CHAT', body: 'yay :party:' }));
    await settle();
    expect(alice.sink.ofType('CHAT')[0]?.body).toContain('<img class="emoji" src="/img/emoji/party.png"');
  });

  it('has an empty list and refuses uploads without a store', async () => {
    const h = await createChatHarness();
    expect(await h.chat.listEmoji()).toEqual([]);
    expect(await h.chat.uploadEmoji({ name: 'x', data: base64(PNG) })).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(await h.chat.getEmojiFile('x.png')).toBeUndefined();
  });

  it('decodes standard, URL-safe and unpadded base64 and names from file names', () => {
    expect(decodeBase64('aGk=')).toEqual(new TextEncoder().encode('hi'));
    expect(decodeBase64('aGk')).toEqual(new TextEncoder().encode('hi'));
    expect(decodeBase64('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(decodeBase64('a')).toBeUndefined();
    expect(emojiName('party.gif')).toBe('party');
    expect(emojiName('/img/emoji/a.b.png')).toBe('a.b');
    expect(emojiName('plain')).toBe('plain');
  });
});
