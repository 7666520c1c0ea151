import { Hono, type Context } from 'hono';
import { OFFLINE_CLIP, PREVIEW, THUMBNAIL, isPlaylist, isSegment } from '@hexcast/core';
import type { VideoApi } from '../api.ts';
import { clientAddress, viewerClientId, type PeerAddress } from '../client-identity.ts';

/** Segments have unique names and never change; only the offline clip's name is reused. */
const SEGMENT_CACHE = 'public, max-age=3600, immutable';
const PLAYLIST_CACHE = 'no-cache, no-store, must-revalidate';

/**
 * `/hls/*` (playlists and segments only), `/thumbnail.jpg` and `/preview.gif`, from video
 * storage. Playlist fetches count the requester as an active viewer. CORS is open: any player
 * on any site may play the stream, as with Owncast.
 */
export function videoRoutes(api: VideoApi, options: { peerAddress?: PeerAddress }): Hono {
  const app = new Hono();
  app.on(['GET', 'HEAD'], '/hls/*', async (c) => {
    const key = decodeKey(c.req.path.slice('/hls/'.length));
    if (key === undefined || !(isPlaylist(key) || isSegment(key))) return notFound(c);
    const file = await api.getVideoFile(key);
    if (file === undefined) return notFound(c);
    if (isPlaylist(key)) {
      const address = clientAddress(c, options.peerAddress);
      const userAgent = c.req.header('user-agent') ?? '';
      api.viewerSeen({ clientId: await viewerClientId(address, userAgent), ipAddress: address, userAgent });
    }
    return send(c, file, isPlaylist(key) ? PLAYLIST_CACHE : key === OFFLINE_CLIP ? 'public, max-age=60' : SEGMENT_CACHE);
  });
  for (const name of [THUMBNAIL, PREVIEW]) {
    app.on(['GET', 'HEAD'], `/${name}`, async (c) => {
      const file = await api.getVideoFile(name);
      return file === undefined ? notFound(c) : send(c, file, 'public, max-age=15');
    });
  }
  app.get('/api/video/variants', (c) => c.json(api.getVideoVariants()));
  return app;
}

function send(c: Context, file: { body: Uint8Array; contentType: string }, cacheControl: string): Response {
  c.header('Content-Type', file.contentType);
  c.header('Cache-Control', cacheControl);
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Content-Length', String(file.body.byteLength));
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(file.body as Uint8Array<ArrayBuffer>, 200);
}

function notFound(c: Context): Response {
  c.header('Access-Control-Allow-Origin', '*');
  return c.text('Not Found', 404);
}

/** The storage key in a URL path; `undefined` when it is not valid percent-encoding. */
function decodeKey(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
