import { z } from 'zod';
import { USER_SCOPES, type ChatUser } from './chat.ts';

/**
 * Server → client events of the Owncast chat protocol, as sent over `/ws` (several may share one
 * frame, separated by `\n`). Every event carries `type`, `id` and an ISO `timestamp`.
 */
export const ChatUserPayloadSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  displayColor: z.number().int(),
  createdAt: z.iso.datetime(),
  previousNames: z.array(z.string()),
  nameChangedAt: z.iso.datetime().optional(),
  scopes: z.array(z.enum(USER_SCOPES)),
  isBot: z.boolean(),
  authenticated: z.boolean(),
  disabledAt: z.iso.datetime().optional(),
});
export type ChatUserPayload = z.infer<typeof ChatUserPayloadSchema>;

const base = { id: z.string(), timestamp: z.iso.datetime() };
const withUser = { ...base, user: ChatUserPayloadSchema };
const engagement = { ...base, body: z.string(), image: z.string(), link: z.string(), title: z.string() };

export const ServerChatEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CONNECTED_USER_INFO'), ...withUser }),
  z.object({ type: z.literal('CHAT'), ...withUser, body: z.string(), visible: z.boolean(), clientId: z.number().int().optional() }),
  z.object({ type: z.literal('USER_JOINED'), ...withUser, clientId: z.number().int() }),
  z.object({ type: z.literal('USER_PARTED'), ...withUser, clientId: z.number().int() }),
  z.object({ type: z.literal('NAME_CHANGE'), ...withUser, oldName: z.string() }),
  z.object({ type: z.literal('COLOR_CHANGE'), ...withUser }),
  z.object({ type: z.literal('VISIBILITY-UPDATE'), ...base, ids: z.array(z.string()), visible: z.boolean() }),
  z.object({ type: z.literal('SYSTEM'), ...base, body: z.string(), user: z.object({ displayName: z.string() }) }),
  z.object({ type: z.literal('CHAT_ACTION'), ...base, body: z.string() }),
  z.object({ type: z.literal('CHAT_DISABLED'), ...base }),
  z.object({ type: z.literal('ERROR_NEEDS_REGISTRATION'), ...base }),
  z.object({ type: z.literal('ERROR_USER_DISABLED'), ...base }),
  z.object({ type: z.literal('ERROR_MAX_CONNECTIONS_EXCEEDED'), ...base }),
  z.object({ type: z.literal('FEDIVERSE_ENGAGEMENT_FOLLOW'), ...engagement }),
  z.object({ type: z.literal('FEDIVERSE_ENGAGEMENT_LIKE'), ...engagement }),
  z.object({ type: z.literal('FEDIVERSE_ENGAGEMENT_REPOST'), ...engagement }),
  z.object({ type: z.literal('STREAM_STARTED'), ...base }),
  z.object({ type: z.literal('STREAM_STOPPED'), ...base }),
  z.object({ type: z.literal('STREAM_TITLE_UPDATED'), ...base }),
  z.object({ type: z.literal('PING'), ...base }),
  z.object({ type: z.literal('PONG'), ...base }),
]);
export type ServerChatEvent = z.infer<typeof ServerChatEventSchema>;

/** A user as the chat protocol shows it: ISO dates, optional fields omitted when unset. */
export function toChatUserPayload(user: ChatUser): ChatUserPayload {
  return {
    id: user.id,
    displayName: user.displayName,
    displayColor: user.displayColor,
    createdAt: user.createdAt.toISOString(),
    previousNames: [...user.previousNames],
    ...(user.nameChangedAt ? { nameChangedAt: user.nameChangedAt.toISOString() } : {}),
    scopes: [...user.scopes],
    isBot: user.isBot,
    authenticated: user.authenticated,
    ...(user.disabledAt ? { disabledAt: user.disabledAt.toISOString() } : {}),
  };
}

/** Splits one WebSocket frame into its events (the protocol batches them with newlines). */
export function splitChatFrame(frame: string): unknown[] {
  return frame
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}
