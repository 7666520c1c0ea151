import type { Settings } from '@hexcast/core';

/** What the policy depends on: where video is served from and where the chat socket is. */
export interface CspInputs {
  readonly storage: Settings['storage'];
  readonly server: Settings['server'];
  /** The Host the browser asked for (its chat socket goes there unless overridden). */
  readonly host: string | undefined;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** `scheme://host[:port]` of an http(s) or ws(s) URL, or undefined when it is not one. */
function origin(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return /^(https?|wss?):$/.test(parsed.protocol) && HOST.test(parsed.host) ? `${parsed.protocol}//${parsed.host}` : undefined;
}

/**
 * Where the player fetches playlists and segments besides this server: the video serving
 * endpoint (a CDN) and, with S3 storage, the S3 endpoint, path-style or with the bucket as a
 * subdomain.
 */
export function mediaSources(storage: Settings['storage']): string[] {
  const sources = [origin(storage.videoServingEndpoint)];
  if (storage.s3.enabled) {
    const endpoint = origin(storage.s3.endpoint);
    if (endpoint !== undefined) sources.push(endpoint, endpoint.replace('//', '//*.'));
  }
  return [...new Set(sources.filter((s) => s !== undefined))];
}

/**
 * The Content-Security-Policy of the web app's HTML pages. Scripts only from this origin (the
 * bundles and the admin's `/customjavascript`), no inline script, plugins or `<base>`; hls.js
 * runs its worker from a blob; styles may be inline (the admin's custom CSS is a `<style>`);
 * images from anywhere (social icons, action icons, logos may be remote); media and fetches
 * from this server and the video's origins; the chat socket on this host or the socket host
 * override; frames (the action dialogs) of any web page. No `frame-ancestors`: the embeds are
 * meant to be framed by other sites.
 */
export function contentSecurityPolicy(inputs: CspInputs): string {
  const media = mediaSources(inputs.storage);
  const socketHosts = [inputs.host !== undefined && HOST.test(inputs.host) ? inputs.host : undefined, socketHost(inputs.server.socketHostOverride)].filter((h) => h !== undefined);
  const sockets = socketHosts.flatMap((host) => [`ws://${host}`, `wss://${host}`]);
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['worker-src', "'self'", 'blob:'],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', '*', 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['media-src', "'self'", 'blob:', ...media],
    ['connect-src', "'self'", ...media, ...sockets],
    ['frame-src', 'http:', 'https:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The host of the socket host override (`wss://chat.example.com` or a bare host), if any. */
function socketHost(override: string): string | undefined {
  if (override === '') return undefined;
  const url = origin(override);
  if (url !== undefined) return new URL(url).host;
  return HOST.test(override) ? override : undefined;
}
