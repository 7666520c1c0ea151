import type { ChatHistoryQuery, ChatMessage, ChatMessageRepository } from '@hexcast/core';
import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { toChatMessage, toChatMessageRow, type ChatMessageRow } from './chat-message-row.ts';
import type { HexcastDatabase } from './open-database.ts';
import { chatMessages, users } from './schema.ts';

/** Chat history. "Messages of disabled users" is answered by joining `users` in the same file. */
export class SqliteChatMessageRepository implements ChatMessageRepository {
  readonly #db: HexcastDatabase;
  readonly #save;
  readonly #columns = Object.entries(getTableColumns(chatMessages));

  constructor(db: HexcastDatabase) {
    this.#db = db;
    // Every chat message is saved through this upsert, prepared once. Each save is its own
    // commit, durable as ADR 4 describes, before the message is broadcast. The placeholders are
    // bare SQL, so `save` passes driver values (drizzle's column encoders choke on NULL there).
    const values = Object.fromEntries(this.#columns.map(([key]) => [key, sql`${sql.placeholder(key)}`])) as unknown as ChatMessageRow;
    const excluded = Object.fromEntries(this.#columns.filter(([key]) => key !== 'id').map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]));
    this.#save = db.insert(chatMessages).values(values).onConflictDoUpdate({ target: chatMessages.id, set: excluded }).prepare();
  }

  async save(message: ChatMessage): Promise<void> {
    const row: Record<string, unknown> = toChatMessageRow(message);
    this.#save.run(Object.fromEntries(this.#columns.map(([key, column]) => [key, row[key] === null ? null : column.mapToDriverValue(row[key])])));
  }

  async getById(id: string): Promise<ChatMessage | undefined> {
    const row = this.#db.select().from(chatMessages).where(eq(chatMessages.id, id)).get();
    return row === undefined ? undefined : toChatMessage(row);
  }

  async list(query: ChatHistoryQuery): Promise<ChatMessage[]> {
    // SQLite reads a negative LIMIT as "no limit".
    if (query.limit <= 0) return [];
    const visible = query.includeHidden === true ? undefined : and(isNull(chatMessages.hiddenAt), or(isNull(users.id), isNull(users.disabledAt)));
    const rows = this.#db
      .select({ message: chatMessages })
      .from(chatMessages)
      .leftJoin(users, eq(users.id, chatMessages.userId))
      .where(
        and(
          visible,
          query.before === undefined ? undefined : lt(chatMessages.timestamp, query.before),
          query.userId === undefined ? undefined : eq(chatMessages.userId, query.userId),
        ),
      )
      .orderBy(desc(chatMessages.timestamp), desc(chatMessages.id))
      .limit(query.limit)
      .all();
    return rows.reverse().map((row) => toChatMessage(row.message));
  }

  async setHidden(ids: readonly string[], hiddenAt: Date | null): Promise<string[]> {
    if (ids.length === 0) return [];
    return this.#db.transaction((tx) => {
      // One JSON parameter instead of one per id keeps clear of SQLite's bound-parameter limit.
      const wanted = sql`(select value from json_each(${JSON.stringify(ids)}))`;
      const existing = new Set(tx.select({ id: chatMessages.id }).from(chatMessages).where(inArray(chatMessages.id, wanted)).all().map((row) => row.id));
      tx.update(chatMessages).set({ hiddenAt }).where(inArray(chatMessages.id, wanted)).run();
      return [...new Set(ids)].filter((id) => existing.has(id));
    });
  }

  async hideAllFromUser(userId: string, hiddenAt: Date): Promise<string[]> {
    return this.#db.transaction((tx) => {
      const mine = and(eq(chatMessages.userId, userId), isNull(chatMessages.hiddenAt));
      const ids = tx.select({ id: chatMessages.id }).from(chatMessages).where(mine).orderBy(asc(chatMessages.timestamp), asc(chatMessages.id)).all();
      tx.update(chatMessages).set({ hiddenAt }).where(mine).run();
      return ids.map((row) => row.id);
    });
  }

  async deleteAllFromUser(userId: string): Promise<number> {
    return this.#db.delete(chatMessages).where(eq(chatMessages.userId, userId)).run().changes;
  }

  async prune(options: { olderThan: Date; keepLatest: number }): Promise<number> {
    return this.#db.transaction((tx) => {
      let deleted = tx.delete(chatMessages).where(lt(chatMessages.timestamp, options.olderThan)).run().changes;
      // A non-finite keepLatest means "no cap"; SQLite would read a negative LIMIT as "no limit".
      // Rounding up keeps a fractional count's partial message, as slicing an array would.
      if (Number.isFinite(options.keepLatest)) {
        const newest = tx
          .select({ id: chatMessages.id })
          .from(chatMessages)
          .orderBy(desc(chatMessages.timestamp), desc(chatMessages.id))
          .limit(Math.max(0, Math.ceil(options.keepLatest)));
        deleted += tx.delete(chatMessages).where(notInArray(chatMessages.id, newest)).run().changes;
      }
      return deleted;
    });
  }

  async count(): Promise<number> {
    const [row] = this.#db.select({ total: count() }).from(chatMessages).all();
    return row?.total ?? 0;
  }
}
