import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.ts';
import { InMemoryVideoStorage } from '../testing/in-memory-video-storage.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { RETIRED_SEGMENTS_KEPT } from './segment-window.ts';
import { OFFLINE_CLEANUP_DELAY_MS, VideoOutputService } from './video-output-service.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

function playlist(from: number, to: number): Uint8Array {
  const lines = ['#EXTM3U', '#EXT-X-TARGETDURATION:1', `#EXT-X-MEDIA-SEQUENCE:${from}`];
  for (let n = from; n <= to; n++) lines.push('#EXTINF:1.000,', `seg-${n}.ts`);
  return bytes(`${lines.join('\n')}\n`);
}

function setup() {
  const storage = new InMemoryVideoStorage();
  const clock = new FakeClock();
  const service = new VideoOutputService({ storage, clock, logger: new MemoryLogger() });
  return { storage, clock, service };
}

describe('HlsPublisher', () => {
  it('stores a playlist only after the segments it names are stored', async () => {
    const { storage, service } = setup();
    const publisher = await service.beginSession();
    let releaseSegment!: () => void;
    const put = storage.put.bind(storage);
    storage.put = async (key, body, type) => {
      if (key === '0/seg-1.ts') await new Promise<void>((resolve) => (releaseSegment = resolve));
      return put(key, body, type);
    };
    const segment = publisher.write('0/seg-1.ts', bytes('TS'));
    const list = publisher.write('0/stream.m3u8', playlist(1, 1));
    await new Promise((r) => setTimeout(r, 5));
    expect(await storage.get('0/stream.m3u8')).toBeUndefined();
    releaseSegment();
    await Promise.all([segment, list]);
    expect(await storage.get('0/stream.m3u8')).toMatchObject({ contentType: 'application/x-mpegURL' });
  });

  it('deletes segments once they have left the window by more than the kept few', async () => {
    const { storage, service } = setup();
    const publisher = await service.beginSession();
    const window = 3;
    for (let n = 1; n <= 12; n++) {
      await publisher.write(`0/seg-${n}.ts`, bytes(`segment ${n}`));
      await publisher.write('0/stream.m3u8', playlist(Math.max(1, n - window + 1), n));
    }
    const kept = (await storage.list('0/')).filter((key) => key.endsWith('.ts'));
    expect(kept).toHaveLength(window + RETIRED_SEGMENTS_KEPT);
    expect(kept).toContain('0/seg-12.ts');
    expect(kept).not.toContain('0/seg-1.ts');
  });

  it('refuses names that are not HLS files or could escape the storage root', async () => {
    const { service } = setup();
    const publisher = await service.beginSession();
    for (const path of ['../x.ts', '/etc/passwd', '0/stream.html', '', '0//a.ts']) await expect(publisher.write(path, bytes('x'))).rejects.toThrow(/refusing/);
  });
});

describe('VideoOutputService', () => {
  it('ends the playlists with the offline clip, then removes the files some minutes later', async () => {
    const { storage, clock, service } = setup();
    const publisher = await service.beginSession();
    await publisher.write('0/seg-1.ts', bytes('a'));
    await publisher.write('0/stream.m3u8', playlist(1, 1));
    await publisher.write('stream.m3u8', bytes('#EXTM3U\n0/stream.m3u8\n'));
    await publisher.write('thumbnail.jpg', bytes('jpeg'));
    await service.endSession(publisher, { body: bytes('offline'), durationSeconds: 8 });
    expect(text((await storage.get('0/stream.m3u8'))?.body)).toMatch(/#EXT-X-DISCONTINUITY\n#EXTINF:8.000,\n..\/offline.ts\n#EXT-X-ENDLIST\n$/);
    expect(await storage.get('offline.ts')).toBeDefined();
    clock.advance(OFFLINE_CLEANUP_DELAY_MS - 1);
    expect(await storage.list('')).toContain('0/stream.m3u8');
    clock.advance(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(await storage.list('')).toEqual(['thumbnail.jpg']);
  });

  it('a new stream cancels the pending cleanup and starts from a clean slate', async () => {
    const { storage, clock, service } = setup();
    const first = await service.beginSession();
    await first.write('0/seg-1.ts', bytes('a'));
    await service.endSession(first, undefined);
    const second = await service.beginSession();
    expect(await storage.list('')).toEqual([]);
    await second.write('0/seg-9.ts', bytes('b'));
    clock.advance(OFFLINE_CLEANUP_DELAY_MS * 2);
    await new Promise((r) => setTimeout(r, 0));
    expect(await storage.list('')).toEqual(['0/seg-9.ts']);
  });

  it('serves stored files by safe key only', async () => {
    const { storage, service } = setup();
    await storage.put('0/stream.m3u8', bytes('#EXTM3U'), 'application/x-mpegURL');
    expect(await service.get('0/stream.m3u8')).toBeDefined();
    expect(await service.get('../0/stream.m3u8')).toBeUndefined();
  });
});
