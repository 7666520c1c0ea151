import { z } from 'zod';
import { CreateAccessTokenSchema, PageRequestSchema, USER_LIST_STATUSES } from '@hexcast/core';
import { UserIdBody } from '../../chat-schemas.ts';
import { AccessTokenViewWire, CreatedAccessTokenWire, UserPageWire } from '../schemas/chat.ts';
import { BAD_REQUEST, NOT_FOUND, SUCCESS, jsonOk, type RouteSpec } from '../route-spec.ts';

const admin = { tags: ['Admin'], auth: 'admin' } as const;

/** `/api/admin/users*` and `/api/admin/accesstokens*` (routes/admin-users.ts). */
export const adminUserSpecs: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/api/admin/users',
    summary: 'A page of chat users, newest first unless sort=asc',
    ...admin,
    query: PageRequestSchema.extend({ search: z.string().max(100).optional(), status: z.enum(USER_LIST_STATUSES).optional(), sort: z.enum(['asc', 'desc']).optional() }),
    responses: { ...jsonOk(UserPageWire), ...BAD_REQUEST },
  },
  { method: 'post', path: '/api/admin/users/delete', summary: 'Delete a user, their tokens and messages', ...admin, body: UserIdBody, responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND } },
  { method: 'get', path: '/api/admin/accesstokens', summary: 'Integration access tokens (a prefix of each token, never the token)', ...admin, responses: jsonOk(z.array(AccessTokenViewWire)) },
  { method: 'post', path: '/api/admin/accesstokens/create', summary: 'Create an integration access token', ...admin, body: CreateAccessTokenSchema, responses: { ...jsonOk(CreatedAccessTokenWire), ...BAD_REQUEST } },
  { method: 'post', path: '/api/admin/accesstokens/delete', summary: 'Delete an integration access token', ...admin, body: z.object({ token: z.string().min(1) }), responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND } },
];
