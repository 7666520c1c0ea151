import { z } from 'zod';

/** Request bodies of the chat routes, shared by the admin, moderator and integration variants. */

/** `{idArray, visible}` (Owncast's `MessageVisibilityUpdate`). */
export const MessageVisibilityBody = z.object({
  idArray: z.array(z.string().max(256)).max(1000),
  visible: z.boolean(),
});

/** `{userId, enabled, reason?}`. */
export const UserEnabledBody = z.object({
  userId: z.string().min(1, 'userId is required'),
  enabled: z.boolean(),
  reason: z.string().max(500).nullish(),
});

/** `{userId, isModerator}`. */
export const ModeratorBody = z.object({ userId: z.string().min(1, 'userId is required'), isModerator: z.boolean() });

export const UserIdBody = z.object({ userId: z.string().min(1, 'userId is required') });

/** Owncast's `{value}` setter shape, here an IP address (validated by the core). */
export const StringValueBody = z.object({ value: z.string() });

/** `{body}` of a message sent by an integration. */
export const MessageBody = z.object({ body: z.string() });

/** `{body, author?}` of `/api/integrations/chat/action`. */
export const ActionBody = z.object({ body: z.string(), author: z.string().max(100).optional() });
