import { z } from 'zod';
import { VideoVariantWire } from '../schemas/status.ts';
import { jsonOk, type ResponseMap, type RouteSpec } from '../route-spec.ts';

const file = (media: readonly string[]): ResponseMap => ({ 200: { description: 'The file (no body for HEAD)', media }, 404: { description: 'No such file', text: z.string() } });
const HLS = ['application/vnd.apple.mpegurl', 'video/mp2t'];
const hls = { tags: ['Video'], auth: 'none', params: z.object({ path: z.string().describe('`stream.m3u8`, `<variant>/stream.m3u8` or `<variant>/<segment>.ts`') }) } as const;

/**
 * The video routes (routes/video.ts; node-listener.ts answers the same paths on a fast path).
 * `{path}` may contain `/`: Hono matches `/hls/*`.
 */
export const videoSpecs: readonly RouteSpec[] = [
  { method: 'get', path: '/hls/{path}', summary: 'HLS playlists and segments of the live stream (playlist fetches count viewers)', ...hls, responses: file(HLS) },
  { method: 'head', path: '/hls/{path}', summary: 'HLS playlists and segments, headers only', ...hls, responses: file(HLS) },
  { method: 'get', path: '/thumbnail.jpg', summary: 'The latest thumbnail of the stream', tags: ['Video'], auth: 'none', responses: file(['image/jpeg']) },
  { method: 'head', path: '/thumbnail.jpg', summary: 'The latest thumbnail, headers only', tags: ['Video'], auth: 'none', responses: file(['image/jpeg']) },
  { method: 'get', path: '/preview.gif', summary: 'An animated preview of the stream', tags: ['Video'], auth: 'none', responses: file(['image/gif']) },
  { method: 'head', path: '/preview.gif', summary: 'The animated preview, headers only', tags: ['Video'], auth: 'none', responses: file(['image/gif']) },
  { method: 'get', path: '/api/video/variants', summary: 'The renditions viewers can pick', tags: ['Video'], auth: 'none', responses: jsonOk(z.array(VideoVariantWire)) },
];
