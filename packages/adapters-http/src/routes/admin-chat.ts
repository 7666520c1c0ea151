import { Hono } from 'hono';
import type { ChatApi } from '@hexcast/core';
import { MessageVisibilityBody, ModeratorBody, StringValueBody, UserEnabledBody } from '../chat-schemas.ts';
import { errorResponse, failure, success } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';
import { normalizeAddress } from '../trusted-proxies.ts';

/** `/api/admin/chat/*`: messages, users, moderators, IP bans and clients (mounted behind admin auth). */
export function adminChatRoutes(api: ChatApi): Hono {
  const app = new Hono();
  app.get('/messages', async (c) => c.json(await api.getChatHistory('moderation')));
  app.post('/messagevisibility', async (c) => {
    const body = await readJsonBody(c, MessageVisibilityBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.setMessageVisibility(body.value.idArray, body.value.visible);
    return result.ok ? success(c, 'changed') : errorResponse(c, result.error);
  });
  app.get('/clients', (c) => c.json(api.listChatClients()));

  app.post('/users/setenabled', async (c) => {
    const body = await readJsonBody(c, UserEnabledBody);
    if (!body.ok) return errorResponse(c, body.error);
    const { userId, enabled, reason } = body.value;
    const result = await api.setUserEnabled({ userId, enabled, reason: reason ?? undefined });
    return result.ok ? success(c, `${userId} enabled: ${enabled}`) : errorResponse(c, result.error);
  });
  app.get('/users/disabled', async (c) => c.json(await api.listDisabledUsers()));
  app.post('/users/setmoderator', async (c) => {
    const body = await readJsonBody(c, ModeratorBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.setModerator(body.value);
    return result.ok ? success(c, `${body.value.userId} is moderator: ${body.value.isModerator}`) : errorResponse(c, result.error);
  });
  app.get('/users/moderators', async (c) => c.json(await api.listModerators()));

  app.get('/users/ipbans', async (c) => c.json(await api.listIpBans()));
  app.post('/users/ipbans/create', async (c) => {
    const body = await readJsonBody(c, StringValueBody);
    if (!body.ok) return errorResponse(c, body.error);
    // Stored in the canonical form client addresses are compared in (`::FFFF:1.2.3.4` → `1.2.3.4`).
    const address = normalizeAddress(body.value.value);
    if (address === undefined) return failure(c, 400, `not an IP address: ${JSON.stringify(body.value.value.slice(0, 64))}`);
    const result = await api.banIpAddress(address, 'manually added');
    return result.ok ? success(c, 'IP address banned') : errorResponse(c, result.error);
  });
  app.post('/users/ipbans/remove', async (c) => {
    const body = await readJsonBody(c, StringValueBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.unbanIpAddress(normalizeAddress(body.value.value) ?? body.value.value);
    return result.ok ? success(c, 'IP address unbanned') : errorResponse(c, result.error);
  });
  return app;
}
