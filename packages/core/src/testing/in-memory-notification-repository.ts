import type { NotificationChannel, NotificationDestination } from '../domain/integrations.ts';
import type { NotificationRepository } from '../ports/notification-repository.ts';
import { copy } from './port-semantics.ts';

/** `NotificationRepository` as one ordered list of destinations (registration order). */
export class InMemoryNotificationRepository implements NotificationRepository {
  readonly #destinations: NotificationDestination[] = [];

  async add(destination: NotificationDestination): Promise<void> {
    if (this.#indexOf(destination.channel, destination.destination) === -1) this.#destinations.push(copy(destination));
  }

  async remove(channel: NotificationChannel, destination: string): Promise<boolean> {
    const index = this.#indexOf(channel, destination);
    if (index === -1) return false;
    this.#destinations.splice(index, 1);
    return true;
  }

  async list(channel: NotificationChannel): Promise<NotificationDestination[]> {
    return this.#destinations.filter((d) => d.channel === channel).map(copy);
  }

  #indexOf(channel: NotificationChannel, destination: string): number {
    return this.#destinations.findIndex((d) => d.channel === channel && d.destination === destination);
  }
}
