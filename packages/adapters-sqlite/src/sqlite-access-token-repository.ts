import { UserScopeSchema, type AccessToken, type AccessTokenRepository } from '@hexcast/core';
import { asc, eq, or, sql } from 'drizzle-orm';
import { parseJsonCell } from './json-column.ts';
import type { HexcastDatabase } from './open-database.ts';
import { accessTokens } from './schema.ts';

type AccessTokenRow = typeof accessTokens.$inferSelect;

const ScopeListSchema = UserScopeSchema.array();

/** Integration tokens by hash; `seq` records creation order. */
export class SqliteAccessTokenRepository implements AccessTokenRepository {
  readonly #db: HexcastDatabase;
  readonly #getByTokenHash;

  constructor(db: HexcastDatabase) {
    this.#db = db;
    // Looked up on every integration API call.
    this.#getByTokenHash = db
      .select()
      .from(accessTokens)
      .where(eq(accessTokens.tokenHash, sql.placeholder('tokenHash')))
      .prepare();
  }

  async create(token: AccessToken): Promise<AccessToken> {
    const row = this.#db.transaction((tx) => {
      const clash = tx
        .select({ id: accessTokens.id })
        .from(accessTokens)
        .where(or(eq(accessTokens.id, token.id), eq(accessTokens.tokenHash, token.tokenHash)))
        .get();
      if (clash !== undefined) throw new Error(`an access token with id ${JSON.stringify(token.id)} or the same token hash already exists`);
      return tx
        .insert(accessTokens)
        .values({ ...token, scopes: JSON.stringify(token.scopes) })
        .returning()
        .get();
    });
    return toAccessToken(row);
  }

  async getByTokenHash(tokenHash: string): Promise<AccessToken | undefined> {
    const row = this.#getByTokenHash.get({ tokenHash });
    return row === undefined ? undefined : toAccessToken(row);
  }

  async getById(id: string): Promise<AccessToken | undefined> {
    const row = this.#db.select().from(accessTokens).where(eq(accessTokens.id, id)).get();
    return row === undefined ? undefined : toAccessToken(row);
  }

  async list(): Promise<AccessToken[]> {
    return this.#db.select().from(accessTokens).orderBy(asc(accessTokens.seq)).all().map(toAccessToken);
  }

  async deleteByTokenHash(tokenHash: string): Promise<boolean> {
    return this.#db.delete(accessTokens).where(eq(accessTokens.tokenHash, tokenHash)).run().changes > 0;
  }

  async markUsed(tokenHash: string, at: Date): Promise<void> {
    this.#db.update(accessTokens).set({ lastUsedAt: at }).where(eq(accessTokens.tokenHash, tokenHash)).run();
  }
}

function toAccessToken(row: AccessTokenRow): AccessToken {
  return {
    id: row.id,
    displayName: row.displayName,
    displayColor: row.displayColor,
    tokenHash: row.tokenHash,
    tokenPrefix: row.tokenPrefix,
    scopes: parseJsonCell(row.scopes, ScopeListSchema, { table: 'access_tokens', column: 'scopes', row: row.id }),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  };
}
