import type { ChatMessage, StoredMessageType } from '@hexcast/core';
import { z } from 'zod';
import { parseJsonCell } from './json-column.ts';
import type { chatMessages } from './schema.ts';

export type ChatMessageRow = typeof chatMessages.$inferSelect;

const ENGAGEMENT_FIELDS = ['image', 'link', 'title'] as const;
const EngagementSchema = z.strictObject({
  image: z.string().nullable().optional(),
  link: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
});

export function toChatMessageRow(message: ChatMessage): ChatMessageRow {
  const engagement: Record<string, string | null> = {};
  for (const field of ENGAGEMENT_FIELDS) {
    const value = message[field];
    if (value !== undefined) engagement[field] = value;
  }
  return {
    id: message.id,
    type: message.type,
    userId: message.userId,
    body: message.body,
    rawBody: message.rawBody,
    timestamp: message.timestamp,
    hiddenAt: message.hiddenAt,
    engagement: Object.keys(engagement).length === 0 ? null : JSON.stringify(engagement),
  };
}

export function toChatMessage(row: ChatMessageRow): ChatMessage {
  const engagement = row.engagement === null ? {} : parseJsonCell(row.engagement, EngagementSchema, { table: 'chat_messages', column: 'engagement', row: row.id });
  return {
    id: row.id,
    type: row.type as StoredMessageType,
    userId: row.userId,
    body: row.body,
    rawBody: row.rawBody,
    timestamp: row.timestamp,
    hiddenAt: row.hiddenAt,
    ...engagement,
  };
}
