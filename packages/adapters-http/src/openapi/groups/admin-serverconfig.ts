import { AdminServerConfigWire } from '../schemas/server-config.ts';
import { jsonOk, type RouteSpec } from '../route-spec.ts';

/** `GET /api/admin/serverconfig` (routes/admin-serverconfig.ts). */
export const adminServerConfigSpecs: readonly RouteSpec[] = [
  { method: 'get', path: '/api/admin/serverconfig', summary: 'Every setting, with Owncast’s field names', tags: ['Admin'], auth: 'admin', responses: jsonOk(AdminServerConfigWire) },
];
