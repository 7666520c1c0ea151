import { z } from 'zod';
import { INTEGRATION_SCOPES, type UserScope } from './chat.ts';

/**
 * An integration (bot) access token. Only `tokenHash` is stored; the plain token is shown once,
 * when it is created. `tokenPrefix` (first characters) lets the admin tell tokens apart.
 */
export interface AccessToken {
  readonly id: string;
  readonly displayName: string;
  readonly displayColor: number;
  readonly tokenHash: string;
  readonly tokenPrefix: string;
  readonly scopes: readonly UserScope[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

export const CreateAccessTokenSchema = z.object({
  name: z.string().trim().min(1).max(64),
  scopes: z.array(z.enum(INTEGRATION_SCOPES)).min(1, 'at least one scope is required'),
});

/** Events an outbound webhook may subscribe to (Owncast's `WebhookEventType`). */
export const WEBHOOK_EVENT_TYPES = [
  'CHAT',
  'USER_JOINED',
  'USER_PARTED',
  'NAME_CHANGE',
  'FEDIVERSE_ENGAGEMENT_FOLLOW',
  'VISIBILITY-UPDATE',
  'PING',
  'PONG',
  'STREAM_STARTED',
  'STREAM_STOPPED',
  'STREAM_TITLE_UPDATED',
  'SYSTEM',
  'CHAT_ACTION',
] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** An outbound webhook. `secret` signs deliveries (HMAC-SHA256); empty means unsigned. */
export interface Webhook {
  readonly id: number;
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly secret: string;
  readonly createdAt: Date;
  readonly lastUsed: Date | null;
}

export const CreateWebhookSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  events: z.array(WebhookEventTypeSchema).min(1, 'at least one event is required'),
  secret: z.string().max(256).default(''),
});

/** Where go-live notifications are sent. */
export const NOTIFICATION_CHANNELS = ['BROWSER_PUSH_NOTIFICATION', 'DISCORD'] as const;
export const NotificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

/** A registered destination: for browser push, the subscription JSON. */
export interface NotificationDestination {
  readonly channel: NotificationChannel;
  readonly destination: string;
  readonly createdAt: Date;
}
