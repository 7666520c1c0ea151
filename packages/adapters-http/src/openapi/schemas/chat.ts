import { z } from 'zod';
import { ChatUserPayloadSchema, STORED_MESSAGE_TYPES, USER_SCOPES } from '@hexcast/core';
import { IsoDateTime } from './common.ts';

/** Wire forms of the chat views of `ChatApi` (Owncast's JSON shapes). */

export const ChatUserViewWire = ChatUserPayloadSchema.extend({
  disabledReason: z.string().optional(),
  authProviders: z.array(z.string()).optional(),
});

export const ChatMessageViewWire = z.object({
  type: z.enum(STORED_MESSAGE_TYPES),
  id: z.string(),
  timestamp: IsoDateTime,
  body: z.string().describe('sanitised HTML'),
  visible: z.boolean(),
  hiddenAt: IsoDateTime.optional(),
  user: z.union([ChatUserViewWire, z.object({ displayName: z.string() })]).optional(),
  image: z.string().optional(),
  link: z.string().optional(),
  title: z.string().optional(),
});

export const GeoDetailsWire = z.object({ countryCode: z.string(), regionName: z.string(), timeZone: z.string() });

export const ChatClientViewWire = z.object({
  id: z.number().int(),
  connectedAt: IsoDateTime,
  messageCount: z.number().int(),
  userAgent: z.string(),
  ipAddress: z.string(),
  geo: GeoDetailsWire.nullable(),
  user: ChatUserViewWire,
});

export const ChatUserDetailsWire = z.object({
  user: ChatUserViewWire,
  connectedClients: z.array(ChatClientViewWire),
  messages: z.array(ChatMessageViewWire),
});

export const RegisteredChatUserWire = z.object({ id: z.string(), accessToken: z.string(), displayName: z.string() });

export const IpBanViewWire = z.object({ ipAddress: z.string(), notes: z.string(), createdAt: IsoDateTime });

export const AccessTokenViewWire = z.object({
  id: z.string(),
  displayName: z.string(),
  displayColor: z.number().int(),
  type: z.literal('API'),
  isBot: z.literal(true),
  scopes: z.array(z.enum(USER_SCOPES)),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  tokenPrefix: z.string(),
});

export const CreatedAccessTokenWire = AccessTokenViewWire.extend({ accessToken: z.string().describe('shown only now; only its hash is stored') });

export const EmojiWire = z.object({ name: z.string(), url: z.string() });

export const UserPageWire = z.object({ total: z.number().int(), results: z.array(ChatUserViewWire) });
