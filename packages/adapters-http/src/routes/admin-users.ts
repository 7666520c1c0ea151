import { Hono } from 'hono';
import { z } from 'zod';
import { PageRequestSchema, USER_LIST_STATUSES, type ChatApi } from '@hexcast/core';
import { UserIdBody } from '../chat-schemas.ts';
import { errorResponse, success } from '../errors.ts';
import { readJsonBody, readQuery } from '../json-body.ts';

export const UsersQuery = PageRequestSchema.extend({
  search: z.string().max(100).optional(),
  status: z.enum(USER_LIST_STATUSES).optional(),
  sort: z.enum(['asc', 'desc']).optional(),
});

const CreateTokenBody = z.object({ name: z.unknown(), scopes: z.unknown() });
export const DeleteTokenBody = z.object({ token: z.string().min(1, 'must provide a token') });

/** `/api/admin/users*` and `/api/admin/accesstokens*` (mounted behind admin auth). */
export function adminUserRoutes(api: ChatApi): Hono {
  const app = new Hono();
  app.get('/users', async (c) => {
    const query = readQuery(c, UsersQuery);
    if (!query.ok) return errorResponse(c, query.error);
    const { search, status, sort, ...page } = query.value;
    return c.json(await api.listUsers({ ...page, ...(search !== undefined && search !== '' ? { search } : {}), ...(status ? { status } : {}), ...(sort ? { sort } : {}) }));
  });
  app.post('/users/delete', async (c) => {
    const body = await readJsonBody(c, UserIdBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.deleteUser(body.value.userId);
    return result.ok ? success(c, 'user deleted') : errorResponse(c, result.error);
  });

  app.get('/accesstokens', async (c) => c.json(await api.listAccessTokens()));
  app.post('/accesstokens/create', async (c) => {
    // The core validates name and scopes (CreateAccessTokenSchema); here only the shape.
    const body = await readJsonBody(c, CreateTokenBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.createAccessToken(body.value);
    if (!result.ok) return errorResponse(c, result.error);
    c.header('Cache-Control', 'no-store');
    return c.json(result.value);
  });
  app.post('/accesstokens/delete', async (c) => {
    const body = await readJsonBody(c, DeleteTokenBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.deleteAccessToken(body.value.token);
    return result.ok ? success(c, 'deleted token') : errorResponse(c, result.error);
  });
  return app;
}
