import { z } from 'zod';

/** Owncast limits, kept for client compatibility. */
export const MAX_DISPLAY_NAME_LENGTH = 30;
export const MAX_USER_COLOR = 7;
export const MAX_SOCKET_PAYLOAD_SIZE = 2048;

/** Scopes a chat user or integration token can hold. */
export const USER_SCOPES = ['MODERATOR', 'CAN_SEND_SYSTEM_MESSAGES', 'CAN_SEND_MESSAGES', 'HAS_ADMIN_ACCESS'] as const;
export const UserScopeSchema = z.enum(USER_SCOPES);
export type UserScope = z.infer<typeof UserScopeSchema>;
/** The scopes an integration access token may be created with. */
export const INTEGRATION_SCOPES = ['CAN_SEND_SYSTEM_MESSAGES', 'CAN_SEND_MESSAGES', 'HAS_ADMIN_ACCESS'] as const satisfies readonly UserScope[];

export const DisplayNameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'display name is empty').max(MAX_DISPLAY_NAME_LENGTH, `display name is longer than ${MAX_DISPLAY_NAME_LENGTH} characters`));
export const DisplayColorSchema = z.number().int().min(0).max(MAX_USER_COLOR);

/** A chat participant: anonymous viewer, authenticated viewer, or bot (integration). */
export interface ChatUser {
  readonly id: string;
  readonly displayName: string;
  readonly displayColor: number;
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
  readonly disabledReason: string | null;
  readonly nameChangedAt: Date | null;
  readonly previousNames: readonly string[];
  readonly scopes: readonly UserScope[];
  readonly isBot: boolean;
  readonly authenticated: boolean;
  /** Friendly names of the external sign-in methods used (IndieAuth, Fediverse, …). */
  readonly authProviders: readonly string[];
}

export function isModerator(user: Pick<ChatUser, 'scopes'>): boolean {
  return user.scopes.includes('MODERATOR');
}

/** Every event type of the Owncast chat protocol (server → client and client → server). */
export const CHAT_EVENT_TYPES = [
  'CHAT',
  'NAME_CHANGE',
  'COLOR_CHANGE',
  'CONNECTED_USER_INFO',
  'USER_JOINED',
  'USER_PARTED',
  'VISIBILITY-UPDATE',
  'SYSTEM',
  'CHAT_ACTION',
  'CHAT_DISABLED',
  'ERROR_NEEDS_REGISTRATION',
  'ERROR_USER_DISABLED',
  'ERROR_MAX_CONNECTIONS_EXCEEDED',
  'FEDIVERSE_ENGAGEMENT_FOLLOW',
  'FEDIVERSE_ENGAGEMENT_LIKE',
  'FEDIVERSE_ENGAGEMENT_REPOST',
  'STREAM_STARTED',
  'STREAM_STOPPED',
  'STREAM_TITLE_UPDATED',
  'PING',
  'PONG',
] as const;
export type ChatEventType = (typeof CHAT_EVENT_TYPES)[number];

/** Messages a chat client may send over the socket. Anything else is ignored. */
export const ClientChatEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CHAT'), body: z.string() }),
  z.object({ type: z.literal('NAME_CHANGE'), newName: z.string() }),
  z.object({ type: z.literal('COLOR_CHANGE'), newColor: z.number().int() }),
]);
export type ClientChatEvent = z.infer<typeof ClientChatEventSchema>;

/** Kinds of stored chat messages (what `GET /api/chat` returns). */
export const STORED_MESSAGE_TYPES = ['CHAT', 'SYSTEM', 'CHAT_ACTION', 'FEDIVERSE_ENGAGEMENT_FOLLOW', 'FEDIVERSE_ENGAGEMENT_LIKE', 'FEDIVERSE_ENGAGEMENT_REPOST'] as const;
export type StoredMessageType = (typeof STORED_MESSAGE_TYPES)[number];

/** A persisted chat message. `body` is sanitised HTML; `rawBody` is what the sender typed. */
export interface ChatMessage {
  readonly id: string;
  readonly type: StoredMessageType;
  /** null for system and federated messages */
  readonly userId: string | null;
  readonly body: string;
  readonly rawBody: string;
  readonly timestamp: Date;
  readonly hiddenAt: Date | null;
  /** For fediverse engagement: the remote actor's image, link and title. */
  readonly image?: string | null;
  readonly link?: string | null;
  readonly title?: string | null;
}

/** A server → client event as sent over `/ws` (id and timestamp on every event). */
export interface ChatEvent {
  readonly type: ChatEventType;
  readonly id: string;
  readonly timestamp: string;
  readonly [field: string]: unknown;
}

/** An IP address refused at chat connect time. */
export interface IpBan {
  readonly ipAddress: string;
  readonly notes: string;
  readonly createdAt: Date;
}
