import { OFFLINE_CLIP, PREVIEW, THUMBNAIL, isPlaylist, isSegment } from '@hexcast/core';
import type { VideoApi } from './api.ts';
import { viewerClientId } from './client-identity.ts';
import { safeDecodeURIComponent } from './url-decode.ts';

/** Segments have unique names and never change; only the offline clip's name is reused. */
const SEGMENT_CACHE = 'public, max-age=3600, immutable';
const PLAYLIST_CACHE = 'no-cache, no-store, must-revalidate';

export interface VideoRequest {
  readonly method: string;
  /** the URL path, still percent-encoded */
  readonly path: string;
  readonly userAgent: string | undefined;
  /** the client's address (see `clientAddress`), asked only for playlists */
  readonly clientAddress: () => string;
}

export interface VideoResponse {
  readonly status: 200 | 404;
  readonly headers: Readonly<Record<string, string>>;
  /** `null` for HEAD and 404; shared bytes of the live window: never mutate */
  readonly body: Uint8Array | null;
}

/** Whether a request is one `answerVideoRequest` handles: GET/HEAD of `/hls/*` or a thumbnail. */
export function isVideoRequest(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && (path.startsWith('/hls/') || path === `/${THUMBNAIL}` || path === `/${PREVIEW}`);
}

/**
 * `/hls/*` (playlists and segments only), `/thumbnail.jpg` and `/preview.gif`, from the video
 * store. Playlist fetches count the requester as an active viewer. CORS is open, as with
 * Owncast: any player on any site may play the stream. One implementation, two transports: the
 * Hono route and the Node fast path both call this.
 */
export async function answerVideoRequest(api: VideoApi, request: VideoRequest): Promise<VideoResponse> {
  const key = safeDecodeURIComponent(request.path.slice(1));
  const isThumbnail = key === THUMBNAIL || key === PREVIEW;
  const hlsKey = !isThumbnail && key?.startsWith('hls/') ? key.slice('hls/'.length) : undefined;
  if (!isThumbnail && (hlsKey === undefined || !(isPlaylist(hlsKey) || isSegment(hlsKey)))) return NOT_FOUND;
  const file = await api.getVideoFile(isThumbnail ? key : hlsKey!);
  if (file === undefined) return NOT_FOUND;
  if (hlsKey !== undefined && isPlaylist(hlsKey)) {
    const address = request.clientAddress();
    const userAgent = request.userAgent ?? '';
    api.viewerSeen({ clientId: viewerClientId(address, userAgent), ipAddress: address, userAgent });
  }
  const cacheControl = isThumbnail ? 'public, max-age=15' : isPlaylist(hlsKey!) ? PLAYLIST_CACHE : hlsKey === OFFLINE_CLIP ? 'public, max-age=60' : SEGMENT_CACHE;
  return {
    status: 200,
    headers: { 'Content-Type': file.contentType, 'Cache-Control': cacheControl, 'Access-Control-Allow-Origin': '*', 'Content-Length': String(file.body.byteLength) },
    body: request.method === 'HEAD' ? null : file.body,
  };
}

const NOT_FOUND: VideoResponse = { status: 404, headers: { 'Content-Type': 'text/plain; charset=UTF-8', 'Access-Control-Allow-Origin': '*' }, body: new TextEncoder().encode('Not Found') };
