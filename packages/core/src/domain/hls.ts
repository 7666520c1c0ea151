/** Pure helpers for the HLS files hexcast stores and serves. */

export const MASTER_PLAYLIST = 'stream.m3u8';
export const OFFLINE_CLIP = 'offline.ts';
export const THUMBNAIL = 'thumbnail.jpg';
export const PREVIEW = 'preview.gif';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  m3u8: 'application/x-mpegURL',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  jpg: 'image/jpeg',
  gif: 'image/gif',
};

/** The content type of an HLS file by its extension; `undefined` for anything we do not serve. */
export function hlsContentType(path: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/.exec(path)?.[1];
  return extension === undefined ? undefined : CONTENT_TYPES[extension];
}

export function isPlaylist(path: string): boolean {
  return path.endsWith('.m3u8');
}

export function isSegment(path: string): boolean {
  return /\.(ts|m4s|mp4)$/.test(path);
}

/** `<N>/stream.m3u8`: the playlist of output variant N. */
export function isVariantPlaylist(path: string): boolean {
  return /^\d+\/[^/]+\.m3u8$/.test(path);
}

/**
 * The storage keys of the segments a media playlist names, resolved against the playlist's own
 * folder. Absolute and root-relative URLs and URIs that would leave the storage root are skipped.
 */
export function playlistSegmentKeys(playlistPath: string, text: string): string[] {
  const folder = playlistPath.includes('/') ? playlistPath.slice(0, playlistPath.lastIndexOf('/')) : '';
  const keys: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(line)) continue;
    const key = resolveKey(folder, line.split('?')[0] ?? line);
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

function resolveKey(folder: string, uri: string): string | undefined {
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of uri.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.pop() === undefined) return undefined;
    } else parts.push(part);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

/**
 * A media playlist with the offline clip appended after a discontinuity, and ended, so players
 * show the clip and stop instead of waiting for segments that will never come. Idempotent.
 */
export function appendOfflineClip(text: string, clipUri: string, durationSeconds: number): string {
  if (/^#EXT-X-ENDLIST\s*$/m.test(text)) return text;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${body}#EXT-X-DISCONTINUITY\n#EXTINF:${durationSeconds.toFixed(3)},\n${clipUri}\n#EXT-X-ENDLIST\n`;
}

/**
 * A master playlist whose variant playlist URIs (plain lines and `URI="…"` attributes) are
 * replaced by `urlFor(key)`, so viewers fetch variants from object storage or a CDN while the
 * master stays on this server. Absolute URIs are left alone.
 */
export function pointPlaylistAt(playlistPath: string, text: string, urlFor: (key: string) => string): string {
  const folder = playlistPath.includes('/') ? playlistPath.slice(0, playlistPath.lastIndexOf('/')) : '';
  const rewrite = (uri: string): string => {
    if (uri.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(uri)) return uri;
    const key = resolveKey(folder, uri.split('?')[0] ?? uri);
    return key === undefined ? uri : urlFor(key);
  };
  return text
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed === '') return line;
      if (trimmed.startsWith('#')) return line.replace(/URI="([^"]*)"/g, (_, uri: string) => `URI="${rewrite(uri)}"`);
      return rewrite(trimmed);
    })
    .join('\n');
}

/** Files of a stream that hexcast writes (as opposed to anything else sharing a bucket). */
export function isStreamFile(key: string): boolean {
  return key === MASTER_PLAYLIST || key === OFFLINE_CLIP || /^\d+\/[^/]+\.(m3u8|ts|m4s|mp4)$/.test(key);
}
