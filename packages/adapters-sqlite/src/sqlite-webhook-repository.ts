import { WebhookEventTypeSchema, type NewWebhook, type Webhook, type WebhookEventType, type WebhookRepository } from '@hexcast/core';
import { asc, eq, sql } from 'drizzle-orm';
import { parseJsonCell } from './json-column.ts';
import type { HexcastDatabase } from './open-database.ts';
import { webhooks } from './schema.ts';

type WebhookRow = typeof webhooks.$inferSelect;

const EventListSchema = WebhookEventTypeSchema.array();

/** Outbound webhooks; ids come from an AUTOINCREMENT key, so they are never reused. */
export class SqliteWebhookRepository implements WebhookRepository {
  readonly #db: HexcastDatabase;

  constructor(db: HexcastDatabase) {
    this.#db = db;
  }

  async create(webhook: NewWebhook): Promise<Webhook> {
    const row = this.#db
      .insert(webhooks)
      .values({ url: webhook.url, events: JSON.stringify(webhook.events), secret: webhook.secret, createdAt: webhook.createdAt })
      .returning()
      .get();
    return toWebhook(row);
  }

  async delete(id: number): Promise<boolean> {
    return this.#db.delete(webhooks).where(eq(webhooks.id, id)).run().changes > 0;
  }

  async list(): Promise<Webhook[]> {
    return this.#db.select().from(webhooks).orderBy(asc(webhooks.id)).all().map(toWebhook);
  }

  async listForEvent(event: WebhookEventType): Promise<Webhook[]> {
    return this.#db
      .select()
      .from(webhooks)
      .where(sql`exists (select 1 from json_each(${webhooks.events}) where json_each.value = ${event})`)
      .orderBy(asc(webhooks.id))
      .all()
      .map(toWebhook);
  }

  async markUsed(id: number, at: Date): Promise<void> {
    this.#db.update(webhooks).set({ lastUsed: at }).where(eq(webhooks.id, id)).run();
  }
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: parseJsonCell(row.events, EventListSchema, { table: 'webhooks', column: 'events', row: row.id }),
    secret: row.secret,
    createdAt: row.createdAt,
    lastUsed: row.lastUsed,
  };
}
