import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ChatApi } from '@hexcast/core';
import { chatUserAuth } from '../chat-auth.ts';
import { MessageVisibilityBody, UserEnabledBody } from '../chat-schemas.ts';
import { errorResponse, success } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';
import type { RequestOrigin } from '../peer-address.ts';

export const RegisterBody = z.object({ displayName: z.string().max(1000).nullish() });

/**
 * The chat routes of the web app and of moderators: registration, history, emoji, and the
 * moderation actions a chat user with the MODERATOR scope may take (with their `?accessToken=`).
 */
export function chatRoutes(api: ChatApi, options: { readonly origin: RequestOrigin }): Hono {
  const app = new Hono();
  const anyUser = chatUserAuth(api, { origin: options.origin });
  const moderator = chatUserAuth(api, { origin: options.origin, requireModerator: true });

  app.options('/api/chat/register', (c) => {
    openCors(c);
    c.header('Access-Control-Allow-Headers', 'Content-Type');
    return c.body(null, 204);
  });
  app.post('/api/chat/register', async (c) => {
    openCors(c);
    const body = await readJsonBody(c, RegisterBody, { emptyAs: {} });
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.registerChatUser({ displayName: body.value.displayName ?? undefined, forwardedUser: c.req.header('x-forwarded-user') });
    if (!result.ok) return errorResponse(c, result.error);
    c.header('Cache-Control', 'no-store');
    return c.json(result.value);
  });
  app.get('/api/chat', anyUser, async (c) => {
    openCors(c);
    return c.json(await api.getChatHistory('viewer'));
  });
  app.post('/api/chat/messagevisibility', moderator, async (c) => {
    const body = await readJsonBody(c, MessageVisibilityBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.setMessageVisibility(body.value.idArray, body.value.visible);
    return result.ok ? success(c, 'changed') : errorResponse(c, result.error);
  });
  app.post('/api/chat/users/setenabled', moderator, async (c) => {
    const body = await readJsonBody(c, UserEnabledBody);
    if (!body.ok) return errorResponse(c, body.error);
    const { userId, enabled, reason } = body.value;
    const result = await api.setUserEnabled({ userId, enabled, reason: reason ?? undefined });
    return result.ok ? success(c, `${userId} enabled: ${enabled}`) : errorResponse(c, result.error);
  });
  app.get('/api/moderation/chat/user/:userId', moderator, async (c) => {
    const result = await api.getChatUserDetails(c.req.param('userId'));
    return result.ok ? c.json(result.value) : errorResponse(c, result.error);
  });

  app.get('/api/emoji', async (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(await api.listEmoji());
  });
  app.get('/img/emoji/:file', async (c) => {
    const name = c.req.param('file');
    // The store checks names too; a path never reaches it.
    const file = /[/\\]|^\./.test(name) ? undefined : await api.getEmojiFile(name);
    if (file === undefined) return c.text('Not Found', 404);
    return new Response(file.body as Uint8Array<ArrayBuffer>, {
      status: 200,
      // Replacing an emoji keeps its URL, so caches must check back now and then.
      headers: { 'Content-Type': file.contentType, 'Cache-Control': 'public, max-age=3600', 'Content-Length': String(file.body.byteLength), 'X-Content-Type-Options': 'nosniff' },
    });
  });
  return app;
}

/** Owncast opens these two routes to any origin (embeds on other sites read chat). */
function openCors(c: Context): void {
  c.header('Access-Control-Allow-Origin', '*');
}
