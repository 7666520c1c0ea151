import type { Webhook, WebhookEventType } from '../domain/integrations.ts';
import type { NewWebhook, WebhookRepository } from '../ports/webhook-repository.ts';
import { copy } from './port-semantics.ts';

/** `WebhookRepository` in a map; ids come from a counter, so they are never reused. */
export class InMemoryWebhookRepository implements WebhookRepository {
  // A Map iterates in insertion order, which is creation order.
  readonly #webhooks = new Map<number, Webhook>();
  #lastId = 0;

  async create(webhook: NewWebhook): Promise<Webhook> {
    const created: Webhook = { id: ++this.#lastId, url: webhook.url, events: [...webhook.events], secret: webhook.secret, createdAt: webhook.createdAt, lastUsed: null };
    this.#webhooks.set(created.id, copy(created));
    return copy(created);
  }

  async delete(id: number): Promise<boolean> {
    return this.#webhooks.delete(id);
  }

  async list(): Promise<Webhook[]> {
    return [...this.#webhooks.values()].map(copy);
  }

  async listForEvent(event: WebhookEventType): Promise<Webhook[]> {
    return [...this.#webhooks.values()].filter((w) => w.events.includes(event)).map(copy);
  }

  async markUsed(id: number, at: Date): Promise<void> {
    const webhook = this.#webhooks.get(id);
    if (webhook !== undefined) this.#webhooks.set(id, { ...webhook, lastUsed: new Date(at) });
  }
}
