import { AdminStatusWire } from '../schemas/status.ts';
import { SUCCESS, failureResponse, jsonOk, type RouteSpec } from '../route-spec.ts';

/** `/api/admin/status` and `/api/admin/disconnect` (routes/admin-stream.ts). */
export const adminStreamSpecs: readonly RouteSpec[] = [
  { method: 'get', path: '/api/admin/status', summary: 'The broadcaster, the output ladder and the viewer counts', tags: ['Admin'], auth: 'admin', responses: jsonOk(AdminStatusWire) },
  {
    method: 'post',
    path: '/api/admin/disconnect',
    summary: 'Disconnect the inbound stream',
    tags: ['Admin'],
    auth: 'admin',
    responses: { ...SUCCESS, 400: failureResponse('Nobody is streaming') },
  },
];
