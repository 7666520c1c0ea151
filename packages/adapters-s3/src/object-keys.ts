import { isPlaylist, isSegment } from '@hexcast/core';

/** A path prefix as a key prefix: `'/live/'` → `'live/'`, `''` → `''`. */
export function storagePrefix(pathPrefix: string): string {
  const parts = pathPrefix.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw new Error(`the S3 path prefix may not contain "..": ${JSON.stringify(pathPrefix)}`);
  return parts.length === 0 ? '' : `${parts.join('/')}/`;
}

/**
 * Playlists change every segment: a CDN must revalidate them. Variant segment names are unique
 * per stream (the transcoder puts the job and time in them), so their bytes never change; the
 * offline clip keeps one name across streams, so it gets a short lifetime like anything else.
 */
export function cacheControlFor(key: string): string {
  if (isPlaylist(key)) return 'no-cache, max-age=0';
  if (isSegment(key) && /^\d+\//.test(key)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=60';
}

/** The base URL viewers fetch objects from (no trailing slash). */
export function objectUrl(options: { endpoint: string; region: string; bucket: string; forcePathStyle: boolean; servingEndpoint: string }): string {
  const serving = options.servingEndpoint.trim().replace(/\/+$/, '');
  if (serving !== '') return serving;
  const bucket = encodeURIComponent(options.bucket);
  if (options.endpoint === '') return options.forcePathStyle ? `https://s3.${options.region}.amazonaws.com/${bucket}` : `https://${bucket}.s3.${options.region}.amazonaws.com`;
  if (options.forcePathStyle) return `${options.endpoint}/${bucket}`;
  const url = new URL(options.endpoint);
  return `${url.protocol}//${bucket}.${url.host}${url.pathname.replace(/\/+$/, '')}`;
}
