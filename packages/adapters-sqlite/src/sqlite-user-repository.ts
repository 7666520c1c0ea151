import type { ChatUser, NewChatUser, Page, UserListQuery, UserListStatus, UserRepository, UserScope } from '@hexcast/core';
import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { HexcastDatabase } from './open-database.ts';
import { newestFirstPage } from './newest-first-page.ts';
import { userAccessTokens, users } from './schema.ts';
import { toChatUser, uniqueInOrder, type UserRow } from './user-row.ts';

const STATUS_FILTERS: Record<UserListStatus, SQL | undefined> = {
  all: undefined,
  active: isNull(users.disabledAt),
  disabled: isNotNull(users.disabledAt),
  moderators: sql`exists (select 1 from json_each(${users.scopes}) where json_each.value = 'MODERATOR')`,
  bots: eq(users.isBot, true),
};

/** Chat users in `users`, their token hashes in `user_access_tokens` (deleted with the user). */
export class SqliteUserRepository implements UserRepository {
  readonly #db: HexcastDatabase;
  readonly #getByTokenHash;
  readonly #getById;

  constructor(db: HexcastDatabase) {
    this.#db = db;
    // Every chat message re-reads its sender (moderation may have changed them): prepared once.
    this.#getById = db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
    // Every chat connection authenticates through this lookup.
    this.#getByTokenHash = db
      .select({ user: users })
      .from(userAccessTokens)
      .innerJoin(users, eq(users.id, userAccessTokens.userId))
      .where(eq(userAccessTokens.tokenHash, sql.placeholder('tokenHash')))
      .prepare();
  }

  async create(user: NewChatUser, tokenHash: string): Promise<ChatUser> {
    const row: UserRow = {
      id: user.id,
      displayName: user.displayName,
      previousNames: '[]',
      displayColor: user.displayColor,
      createdAt: user.createdAt,
      disabledAt: null,
      disabledReason: null,
      nameChangedAt: null,
      scopes: JSON.stringify(uniqueInOrder(user.scopes ?? [])),
      isBot: user.isBot ?? false,
      authenticated: false,
      authProviders: '[]',
    };
    // One transaction: a duplicate token hash must not leave a user without a token behind.
    const created = this.#db.transaction((tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).get() !== undefined) {
        throw new Error(`a chat user with id ${JSON.stringify(user.id)} already exists`);
      }
      const inserted = tx.insert(users).values(row).returning().get();
      tx.insert(userAccessTokens).values({ tokenHash, userId: user.id }).run();
      return inserted;
    });
    return toChatUser(created);
  }

  async getById(id: string): Promise<ChatUser | undefined> {
    const row = this.#getById.get({ id });
    return row === undefined ? undefined : toChatUser(row);
  }

  async getByTokenHash(tokenHash: string): Promise<ChatUser | undefined> {
    const row = this.#getByTokenHash.get({ tokenHash });
    return row === undefined ? undefined : toChatUser(row.user);
  }

  async findIdsByDisplayName(displayName: string): Promise<string[]> {
    const rows = this.#db
      .select({ id: users.id })
      .from(users)
      // Same expression as the users_display_name_lower_idx index, so the lookup uses it.
      .where(sql`lower(${users.displayName}) = lower(${displayName})`)
      .all();
    return rows.map((row) => row.id);
  }

  rename(id: string, displayName: string, at: Date): Promise<ChatUser | undefined> {
    return this.#update(id, (user) => {
      const previousNames = user.previousNames.includes(user.displayName) ? user.previousNames : [...user.previousNames, user.displayName];
      return { displayName, previousNames: JSON.stringify(previousNames), nameChangedAt: at };
    });
  }

  setColor(id: string, color: number): Promise<ChatUser | undefined> {
    return this.#update(id, () => ({ displayColor: color }));
  }

  setDisabled(id: string, disabledAt: Date | null, reason?: string): Promise<ChatUser | undefined> {
    return this.#update(id, () => ({ disabledAt, disabledReason: disabledAt === null ? null : (reason ?? null) }));
  }

  setScopes(id: string, scopes: readonly UserScope[]): Promise<ChatUser | undefined> {
    return this.#update(id, () => ({ scopes: JSON.stringify(uniqueInOrder(scopes)) }));
  }

  setAuthenticated(id: string, provider: string): Promise<ChatUser | undefined> {
    return this.#update(id, (user) => ({
      authenticated: true,
      authProviders: JSON.stringify(uniqueInOrder([...user.authProviders, provider])),
    }));
  }

  async list(query: UserListQuery): Promise<Page<ChatUser>> {
    const where = and(STATUS_FILTERS[query.status ?? 'all'], searchFilter(query.search));
    const { total, rows } = newestFirstPage(this.#db, users, { where, orderBy: [users.createdAt, users.id], page: query });
    return { total, results: rows.map(toChatUser) };
  }

  async delete(id: string): Promise<boolean> {
    return this.#db.delete(users).where(eq(users.id, id)).run().changes > 0;
  }

  /** Read-modify-write of one user in a transaction; `undefined` when the user is unknown. */
  async #update(id: string, change: (user: ChatUser) => Partial<UserRow>): Promise<ChatUser | undefined> {
    return this.#db.transaction((tx) => {
      const row = tx.select().from(users).where(eq(users.id, id)).get();
      if (row === undefined) return undefined;
      const updated = { ...row, ...change(toChatUser(row)) };
      tx.update(users).set(updated).where(eq(users.id, id)).run();
      return toChatUser(updated);
    });
  }
}

/**
 * Substring of the current or a previous name, ignoring ASCII case. SQLite's lower() folds ASCII
 * only, as the port specifies, and instr() takes the needle literally (no LIKE wildcards).
 */
function searchFilter(search: string | undefined): SQL | undefined {
  if (search === undefined || search === '') return undefined;
  return sql`(instr(lower(${users.displayName}), lower(${search})) > 0
    or exists (select 1 from json_each(${users.previousNames}) where instr(lower(json_each.value), lower(${search})) > 0))`;
}
