import { z } from 'zod';
import { CreateAccessTokenSchema } from '@hexcast/core';
import { DeleteTokenBody, UsersQuery } from '../../routes/admin-users.ts';
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
    query: UsersQuery,
    responses: { ...jsonOk(UserPageWire), ...BAD_REQUEST },
  },
  { method: 'post', path: '/api/admin/users/delete', summary: 'Delete a user, their tokens and messages', ...admin, body: UserIdBody, responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND } },
  { method: 'get', path: '/api/admin/accesstokens', summary: 'Integration access tokens (a prefix of each token, never the token)', ...admin, responses: jsonOk(z.array(AccessTokenViewWire)) },
  { method: 'post', path: '/api/admin/accesstokens/create', summary: 'Create an integration access token', ...admin, body: CreateAccessTokenSchema, responses: { ...jsonOk(CreatedAccessTokenWire), ...BAD_REQUEST } },
  { method: 'post', path: '/api/admin/accesstokens/delete', summary: 'Delete an integration access token', ...admin, body: DeleteTokenBody, responses: { ...SUCCESS, ...BAD_REQUEST, ...NOT_FOUND } },
];
