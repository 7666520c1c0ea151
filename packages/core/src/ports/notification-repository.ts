import type { NotificationChannel, NotificationDestination } from '../domain/integrations.ts';

/** Registered go-live notification destinations (browser push subscriptions, …). */
export interface NotificationRepository {
  /** Adding an existing (channel, destination) pair is a no-op. */
  add(destination: NotificationDestination): Promise<void>;
  /** `false` when it was not registered. */
  remove(channel: NotificationChannel, destination: string): Promise<boolean>;
  /** In registration order. */
  list(channel: NotificationChannel): Promise<NotificationDestination[]>;
}
