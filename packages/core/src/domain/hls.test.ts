import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendOfflineClip, hlsContentType, isStreamFile, isVariantPlaylist, playlistSegmentKeys, pointPlaylistAt } from './hls.ts';

const PLAYLIST = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:3', '#EXT-X-MEDIA-SEQUENCE:4', '#EXTINF:3.000,', 'stream-a4.ts', '#EXTINF:3.000,', 'stream-a5.ts?x=1', ''].join('\n');

describe('HLS helpers', () => {
  it('resolves the segments of a variant playlist against its folder', () => {
    expect(playlistSegmentKeys('0/stream.m3u8', PLAYLIST)).toEqual(['0/stream-a4.ts', '0/stream-a5.ts']);
    expect(playlistSegmentKeys('1/stream.m3u8', '#EXTINF:8,\n../offline.ts\n')).toEqual(['offline.ts']);
  });

  it('skips absolute URLs and URIs that would leave the storage root', () => {
    expect(playlistSegmentKeys('0/stream.m3u8', 'https://cdn.example/0/a.ts\n../../etc/passwd\n/abs.ts\n')).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 6 }), (lines) => {
        for (const key of playlistSegmentKeys('0/stream.m3u8', lines.join('\n'))) expect(key.split('/')).not.toContain('..');
      }),
    );
  });

  it('appends the offline clip once, ending the playlist', () => {
    const ended = appendOfflineClip(PLAYLIST, '../offline.ts', 8);
    expect(ended.endsWith('#EXT-X-DISCONTINUITY\n#EXTINF:8.000,\n../offline.ts\n#EXT-X-ENDLIST\n')).toBe(true);
    expect(appendOfflineClip(ended, '../offline.ts', 8)).toBe(ended);
    expect(appendOfflineClip('#EXTM3U', 'o.ts', 2)).toBe('#EXTM3U\n#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\no.ts\n#EXT-X-ENDLIST\n');
  });

  it('knows the content types it serves and nothing else', () => {
    expect(hlsContentType('stream.m3u8')).toBe('application/x-mpegURL');
    expect(hlsContentType('0/stream-1.ts')).toBe('video/mp2t');
    expect(hlsContentType('thumbnail.jpg')).toBe('image/jpeg');
    expect(hlsContentType('../secret.db')).toBeUndefined();
    expect(hlsContentType('x.html')).toBeUndefined();
    expect(isVariantPlaylist('0/stream.m3u8')).toBe(true);
    expect(isVariantPlaylist('stream.m3u8')).toBe(false);
  });
});

describe('master playlists pointing at object storage', () => {
  const url = (key: string) => `https://cdn.example/live/${key}`;

  it('replaces variant URIs (lines and URI attributes) by public URLs, leaving tags and absolute URLs', () => {
    const master = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\n0/stream.m3u8\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",URI="1/stream.m3u8"\nhttps://elsewhere/x.m3u8\n';
    expect(pointPlaylistAt('stream.m3u8', master, url)).toBe(
      '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\nhttps://cdn.example/live/0/stream.m3u8\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",URI="https://cdn.example/live/1/stream.m3u8"\nhttps://elsewhere/x.m3u8\n',
    );
  });

  it('knows hexcast’s own stream files from anything else in a bucket', () => {
    for (const key of ['stream.m3u8', 'offline.ts', '0/stream.m3u8', '12/stream-abc-1700000000-3.ts']) expect(isStreamFile(key), key).toBe(true);
    for (const key of ['thumbnail.jpg', 'backup/db.sqlite', 'a/0/stream.m3u8', '0/notes.txt', 'index.html']) expect(isStreamFile(key), key).toBe(false);
  });
});
