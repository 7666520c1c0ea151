import { describe, expect, it } from 'vitest';
import { variantOfUrl } from './playback.ts';

describe('variantOfUrl', () => {
  it('reads the variant index of a rendition playlist, absolute or relative to the origin', () => {
    expect(variantOfUrl('/hls/0/stream.m3u8')).toBe(0);
    expect(variantOfUrl('http://127.0.0.1:8080/hls/12/stream.m3u8')).toBe(12);
  });

  it('is undefined for the master playlist, segments and anything else', () => {
    for (const url of ['/hls/stream.m3u8', '/hls/1/stream-abc.ts', '/hls/x/stream.m3u8', '', 'https://cdn.example/other/1.m3u8']) expect(variantOfUrl(url), url).toBeUndefined();
  });
});
