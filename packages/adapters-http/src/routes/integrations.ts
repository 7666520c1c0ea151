import { Hono, type Handler } from 'hono';
import { z } from 'zod';
import type { UserScope } from '@hexcast/core';
import type { IntegrationsApi } from '../api.ts';
import { integrationAuth, type IntegrationVariables } from '../chat-auth.ts';
import { ActionBody, MessageBody, MessageVisibilityBody, StringValueBody } from '../chat-schemas.ts';
import { errorResponse, success } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';

const ClientIdParam = z.object({ clientId: z.coerce.number({ error: 'clientId must be a number' }).int('clientId must be a whole number').min(0).max(2 ** 32 - 1) });

/**
 * Owncast's 3rd-party API under `/api/integrations` (bots, overlays): each route takes a bearer
 * access token holding its scope, and answers preflights for any origin.
 */
export function integrationRoutes(api: IntegrationsApi): Hono<{ Variables: IntegrationVariables }> {
  type Env = { Variables: IntegrationVariables };
  const app = new Hono<Env>();
  // The guard answers every OPTIONS itself, so the handler only ever sees the route's method.
  const post = (path: string, scope: UserScope, handler: Handler<Env>) => app.on(['POST', 'OPTIONS'], path, integrationAuth(api, scope), handler);
  const get = (path: string, scope: UserScope, handler: Handler<Env>) => app.on(['GET', 'OPTIONS'], path, integrationAuth(api, scope), handler);

  post('/chat/system', 'CAN_SEND_SYSTEM_MESSAGES', async (c) => {
    const body = await readJsonBody(c, MessageBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.sendSystemMessage({ body: body.value.body });
    return result.ok ? success(c, 'sent') : errorResponse(c, result.error);
  });
  post('/chat/system/client/:clientId', 'CAN_SEND_SYSTEM_MESSAGES', async (c) => {
    const param = ClientIdParam.safeParse({ clientId: c.req.param('clientId') });
    if (!param.success) return errorResponse(c, { kind: 'invalid-input', message: param.error.issues.map((i) => i.message).join('; ') });
    const body = await readJsonBody(c, MessageBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.sendSystemMessage({ body: body.value.body, clientId: param.data.clientId });
    return result.ok ? success(c, 'sent') : errorResponse(c, result.error);
  });
  // `/chat/user` is the deprecated name of `/chat/send`: older bots still call it.
  for (const path of ['/chat/send', '/chat/user']) {
    post(path, 'CAN_SEND_MESSAGES', async (c) => {
      const body = await readJsonBody(c, MessageBody);
      if (!body.ok) return errorResponse(c, body.error);
      const result = await api.sendBotMessage(c.get('integration'), body.value.body);
      return result.ok ? success(c, 'sent') : errorResponse(c, result.error);
    });
  }
  post('/chat/action', 'CAN_SEND_SYSTEM_MESSAGES', async (c) => {
    const body = await readJsonBody(c, ActionBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.sendChatAction(body.value);
    return result.ok ? success(c, 'sent') : errorResponse(c, result.error);
  });
  post('/chat/messagevisibility', 'HAS_ADMIN_ACCESS', async (c) => {
    const body = await readJsonBody(c, MessageVisibilityBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.setMessageVisibility(body.value.idArray, body.value.visible);
    return result.ok ? success(c, 'changed') : errorResponse(c, result.error);
  });
  post('/streamtitle', 'HAS_ADMIN_ACCESS', async (c) => {
    const body = await readJsonBody(c, StringValueBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.updateSettings('serverInfo', { streamTitle: body.value.value });
    return result.ok ? success(c, 'changed') : errorResponse(c, result.error);
  });

  get('/chat', 'HAS_ADMIN_ACCESS', async (c) => c.json(await api.getChatHistory('moderation')));
  get('/clients', 'HAS_ADMIN_ACCESS', (c) => c.json(api.listChatClients()));
  get('/moderation/chat/user/:userId', 'HAS_ADMIN_ACCESS', async (c) => {
    const result = await api.getChatUserDetails(c.req.param('userId') ?? '');
    return result.ok ? c.json(result.value) : errorResponse(c, result.error);
  });
  get('/status', 'HAS_ADMIN_ACCESS', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(api.getStatus());
  });
  return app;
}
