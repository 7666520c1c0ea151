import { PublicStatusWire, WebConfigWire } from '../schemas/status.ts';
import { SocialPlatformsWire } from '../schemas/server-config.ts';
import { jsonOk, type RouteSpec } from '../route-spec.ts';

/** Public status routes (routes/public.ts). */
export const publicSpecs: readonly RouteSpec[] = [
  { method: 'get', path: '/api/status', summary: 'Whether the stream is online, the viewer count and times', tags: ['Public'], auth: 'none', responses: jsonOk(PublicStatusWire) },
  { method: 'get', path: '/api/config', summary: 'What the viewer page needs', tags: ['Public'], auth: 'none', responses: jsonOk(WebConfigWire) },
  { method: 'get', path: '/api/socialplatforms', summary: 'The social platforms with an icon', tags: ['Public'], auth: 'none', responses: jsonOk(SocialPlatformsWire) },
  { method: 'get', path: '/api/ping', summary: 'Marks the caller as an active viewer', tags: ['Public', 'Video'], auth: 'none', responses: { 200: { description: 'Counted (empty body)' } } },
];
