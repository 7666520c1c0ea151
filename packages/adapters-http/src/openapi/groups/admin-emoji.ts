import { DeleteBody, UploadBody } from '../../routes/admin-emoji.ts';
import { BAD_REQUEST, NOT_FOUND, SUCCESS, failureResponse, type RouteSpec } from '../route-spec.ts';

const admin = { tags: ['Admin', 'Chat'], auth: 'admin' } as const;

/** `/api/admin/emoji/*` (routes/admin-emoji.ts). */
export const adminEmojiSpecs: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/api/admin/emoji/upload',
    summary: 'Upload a custom emoji (PNG, GIF, JPEG or WebP, base64 or a data URL)',
    ...admin,
    body: UploadBody,
    responses: { ...SUCCESS, ...BAD_REQUEST, 409: failureResponse('An emoji of that name exists'), 503: failureResponse('This server has no emoji store') },
  },
  { method: 'post', path: '/api/admin/emoji/delete', summary: 'Delete a custom emoji', ...admin, body: DeleteBody, responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND } },
];
