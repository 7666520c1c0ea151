import type { Webhook, WebhookEventType } from '../domain/integrations.ts';

export interface NewWebhook {
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly secret: string;
  readonly createdAt: Date;
}

/** Outbound webhooks. Ids are positive integers assigned by the store, never reused. */
export interface WebhookRepository {
  create(webhook: NewWebhook): Promise<Webhook>;
  /** `false` when there was no such webhook. */
  delete(id: number): Promise<boolean>;
  /** In creation order. */
  list(): Promise<Webhook[]>;
  /** The webhooks subscribed to one event type, in creation order. */
  listForEvent(event: WebhookEventType): Promise<Webhook[]>;
  /** Records a delivery; unknown ids are ignored. */
  markUsed(id: number, at: Date): Promise<void>;
}
