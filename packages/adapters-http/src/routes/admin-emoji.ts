import { Hono } from 'hono';
import { z } from 'zod';
import type { EmojiApi } from '@hexcast/core';
import { errorResponse, success } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';

/** Emoji images arrive base64-encoded (a third larger than the image): room for images up to ~1.5 MiB. */
export const MAX_EMOJI_BODY_BYTES = 2 * 1024 * 1024;

export const UploadBody = z.object({ name: z.string().min(1, 'name field is required'), data: z.string().min(1, 'data field is required') });
export const DeleteBody = z.object({ name: z.string().min(1, 'name field is required') });

/** `/api/admin/emoji/upload` and `/delete` (mounted behind admin auth). */
export function adminEmojiRoutes(api: EmojiApi): Hono {
  const app = new Hono();
  app.post('/upload', async (c) => {
    const body = await readJsonBody(c, UploadBody, { maxBytes: MAX_EMOJI_BODY_BYTES });
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.uploadEmoji(body.value);
    return result.ok ? success(c, `Emoji "${result.value.name}" has been uploaded`) : errorResponse(c, result.error);
  });
  app.post('/delete', async (c) => {
    const body = await readJsonBody(c, DeleteBody);
    if (!body.ok) return errorResponse(c, body.error);
    const result = await api.deleteEmoji(body.value.name);
    return result.ok ? success(c, `Emoji "${body.value.name}" has been deleted`) : errorResponse(c, result.error);
  });
  return app;
}
