import { PublicStatusWire, WebConfigWire } from '../schemas/status.ts';
import { jsonOk, type RouteSpec } from '../route-spec.ts';

/** Public status routes (routes/public.ts). */
export const publicSpecs: readonly RouteSpec[] = [
  { method: 'get', path: '/api/status', summary: 'Whether the stream is online, the viewer count and times', tags: ['Public'], auth: 'none', responses: jsonOk(PublicStatusWire) },
  { method: 'get', path: '/api/config', summary: 'What the viewer page needs', tags: ['Public'], auth: 'none', responses: jsonOk(WebConfigWire) },
];
