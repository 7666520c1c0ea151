import type { ChatUser } from '../../domain/chat.ts';
import type { ChatClient } from './chat-client.ts';
import { serializeEvent } from './serialized-event.ts';

/** The open chat sockets, by client id and by user. */
export class ClientRegistry {
  readonly #clients = new Map<number, ChatClient>();
  #nextId = 1;

  /** A fresh client id (Owncast's are small increasing integers). */
  nextId(): number {
    return this.#nextId++;
  }

  get size(): number {
    return this.#clients.size;
  }

  add(client: ChatClient): void {
    this.#clients.set(client.id, client);
  }

  /** `false` when it was not registered (already removed). */
  remove(client: ChatClient): boolean {
    return this.#clients.delete(client.id);
  }

  get(id: number): ChatClient | undefined {
    return this.#clients.get(id);
  }

  /** Oldest connection first. */
  all(): ChatClient[] {
    return [...this.#clients.values()];
  }

  ofUser(userId: string): ChatClient[] {
    return this.all().filter((c) => c.user.id === userId);
  }

  fromAddress(ipAddress: string): ChatClient[] {
    return this.all().filter((c) => c.ipAddress === ipAddress);
  }

  /** Gives every socket of this user the updated user; returns those sockets. */
  updateUser(user: ChatUser): ChatClient[] {
    const clients = this.ofUser(user.id);
    for (const client of clients) client.user = user;
    return clients;
  }

  broadcast(event: object): void {
    const shared = serializeEvent(event);
    for (const client of this.#clients.values()) client.send(shared);
  }
}
