import type { ChatMessage } from '../domain/chat.ts';

export interface ChatHistoryQuery {
  /** at most this many, the newest ones, returned oldest first */
  readonly limit: number;
  /** hidden messages and messages of disabled users are excluded unless true */
  readonly includeHidden?: boolean;
  /** only messages strictly older than this */
  readonly before?: Date;
  readonly userId?: string;
}

/** Persisted chat history. */
export interface ChatMessageRepository {
  /** Stores a message. Saving an id that exists replaces it (idempotent retries). */
  save(message: ChatMessage): Promise<void>;
  getById(id: string): Promise<ChatMessage | undefined>;
  /** Oldest first, ties broken by id so the order is stable. */
  list(query: ChatHistoryQuery): Promise<ChatMessage[]>;
  /**
   * Sets `hiddenAt` (`null` shows again) on the given ids; unknown ids are ignored.
   * Returns the ids that exist, each once, in no particular order.
   */
  setHidden(ids: readonly string[], hiddenAt: Date | null): Promise<string[]>;
  /** Hides every visible message of a user; returns the ids hidden now, in no particular order. */
  hideAllFromUser(userId: string, hiddenAt: Date): Promise<string[]>;
  deleteAllFromUser(userId: string): Promise<number>;
  /**
   * Deletes messages with `timestamp < olderThan`, then all but the newest `keepLatest` (in the
   * order of `list`, so ties are broken by id). Returns how many.
   */
  prune(options: { olderThan: Date; keepLatest: number }): Promise<number>;
  count(): Promise<number>;
}
