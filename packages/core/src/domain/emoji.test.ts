import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEmojiUpload, isEmojiName, isRenderableEmoji, parseEmojiFile, sniffEmojiImage } from './emoji.ts';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? Array.from(value, (c) => c.charCodeAt(0)) : [value])));

describe('emoji helpers', () => {
  it('tells the image type by magic bytes only', () => {
    expect(sniffEmojiImage(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(sniffEmojiImage(bytes('GIF87a'))).toBe('gif');
    expect(sniffEmojiImage(bytes('GIF89a', 1, 2))).toBe('gif');
    expect(sniffEmojiImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpg');
    expect(sniffEmojiImage(bytes('RIFF', 4, 0, 0, 0, 'WEBPVP8 '))).toBe('webp');
    for (const other of [bytes(), bytes(0x89, 'PNG'), bytes('GIF88a'), bytes('RIFF', 4, 0, 0, 0, 'WAVE'), bytes('XXXX', 4, 0, 0, 0, 'WEBP'), bytes('<svg onload="alert(1)"/>'), bytes('<html>')]) {
      expect(sniffEmojiImage(other)).toBeUndefined();
    }
  });

  it('checks the name, then the size, then the content', () => {
    const gif = bytes('GIF89a');
    expect(checkEmojiUpload('party', gif, 6)).toEqual({ ok: true, value: 'gif' });
    expect(checkEmojiUpload('party', gif, 5)).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'The emoji image is larger than 5 bytes' } });
    expect(checkEmojiUpload('party', bytes(), 2048)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(checkEmojiUpload('../party', gif, 2048)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('accepts names of 1 to 64 letters, digits, _ and -', () => {
    expect(isEmojiName('a')).toBe(true);
    expect(isEmojiName('Blob_cat-2'.padEnd(64, 'x'))).toBe(true);
    for (const name of ['', 'x'.repeat(65), 'a b', 'a.png', '../a', 'a/b', 'é', ':a:']) expect(isEmojiName(name), name).toBe(false);
  });

  it('parses only <name>.<type> file names', () => {
    expect(parseEmojiFile('party.webp')).toEqual({ name: 'party', type: 'webp' });
    for (const file of ['party', 'party.svg', 'party.PNG', '../party.png', 'a/party.png', '.party.png', 'party.png/', 'party.png\0']) expect(parseEmojiFile(file), file).toBeUndefined();
    fc.assert(fc.property(fc.string(), (file) => parseEmojiFile(file) === undefined || !/[/\\]|\.\./.test(file)));
  });

  it('renders only emoji with a plain URL under /img/emoji/', () => {
    expect(isRenderableEmoji({ name: 'party', url: '/img/emoji/party.gif' })).toBe(true);
    expect(isRenderableEmoji({ name: 'blob', url: '/img/emoji/blobs/blob_cat.png' })).toBe(true);
    for (const url of ['/img/emoji/../admin', '/img/emoji/%2e%2e/admin', '//evil.example/img/emoji/x.png', 'https://evil.example/img/emoji/x.png', 'javascript:alert(1)', '/img/emoji/x.png" onerror="alert(1)', '/img/emoji/', '/img/emoji//x.png', '/img/emojix.png']) {
      expect(isRenderableEmoji({ name: 'party', url }), url).toBe(false);
    }
    expect(isRenderableEmoji({ name: 'x" onerror="alert(1)', url: '/img/emoji/x.png' })).toBe(false);
  });
});
