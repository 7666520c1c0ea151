import type { ChatMessage } from '../domain/chat.ts';
import type { ChatHistoryQuery, ChatMessageRepository } from '../ports/chat-message-repository.ts';
import { copy, oldestFirst } from './port-semantics.ts';

/** Whether a user is disabled; the SQL adapters answer this with a join on the users table. */
export interface DisabledUserLookup {
  isDisabled(userId: string): boolean;
}

const historyOrder = oldestFirst<ChatMessage>((m) => m.timestamp, (m) => m.id);

/**
 * `ChatMessageRepository` in a map. Pass the `InMemoryUserRepository` the messages belong to so
 * history hides messages of disabled users; without it no user counts as disabled.
 */
export class InMemoryChatMessageRepository implements ChatMessageRepository {
  readonly #messages = new Map<string, ChatMessage>();
  readonly #users: DisabledUserLookup | undefined;

  constructor(users?: DisabledUserLookup) {
    this.#users = users;
  }

  async save(message: ChatMessage): Promise<void> {
    this.#messages.set(message.id, copy(message));
  }

  async getById(id: string): Promise<ChatMessage | undefined> {
    const message = this.#messages.get(id);
    return message && copy(message);
  }

  async list(query: ChatHistoryQuery): Promise<ChatMessage[]> {
    const matches = this.#sorted().filter(
      (m) =>
        (query.includeHidden === true || this.#visible(m)) &&
        (query.before === undefined || m.timestamp.getTime() < query.before.getTime()) &&
        (query.userId === undefined || m.userId === query.userId),
    );
    return matches.slice(Math.max(0, matches.length - query.limit)).map(copy);
  }

  async setHidden(ids: readonly string[], hiddenAt: Date | null): Promise<string[]> {
    const found = [...new Set(ids)].filter((id) => this.#messages.has(id));
    for (const id of found) this.#messages.set(id, { ...this.#messages.get(id)!, hiddenAt: hiddenAt && new Date(hiddenAt) });
    return found;
  }

  async hideAllFromUser(userId: string, hiddenAt: Date): Promise<string[]> {
    const ids = [...this.#messages.values()].filter((m) => m.userId === userId && m.hiddenAt === null).map((m) => m.id);
    return this.setHidden(ids, hiddenAt);
  }

  async deleteAllFromUser(userId: string): Promise<number> {
    return this.#deleteWhere((m) => m.userId === userId);
  }

  async prune(options: { olderThan: Date; keepLatest: number }): Promise<number> {
    const old = this.#deleteWhere((m) => m.timestamp.getTime() < options.olderThan.getTime());
    const surplus = this.#sorted().slice(0, Math.max(0, this.#messages.size - options.keepLatest));
    for (const message of surplus) this.#messages.delete(message.id);
    return old + surplus.length;
  }

  async count(): Promise<number> {
    return this.#messages.size;
  }

  #visible(message: ChatMessage): boolean {
    return message.hiddenAt === null && (message.userId === null || this.#users?.isDisabled(message.userId) !== true);
  }

  #sorted(): ChatMessage[] {
    return [...this.#messages.values()].sort(historyOrder);
  }

  #deleteWhere(predicate: (message: ChatMessage) => boolean): number {
    let deleted = 0;
    for (const message of [...this.#messages.values()]) if (predicate(message) && this.#messages.delete(message.id)) deleted++;
    return deleted;
  }
}
