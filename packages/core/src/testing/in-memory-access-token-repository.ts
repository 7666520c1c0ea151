import type { AccessToken } from '../domain/integrations.ts';
import type { AccessTokenRepository } from '../ports/access-token-repository.ts';
import { copy } from './port-semantics.ts';

/** `AccessTokenRepository` in a map keyed by token hash (insertion order is creation order). */
export class InMemoryAccessTokenRepository implements AccessTokenRepository {
  readonly #tokens = new Map<string, AccessToken>();

  async create(token: AccessToken): Promise<AccessToken> {
    if (this.#tokens.has(token.tokenHash)) throw new Error('access token hash already exists');
    if ([...this.#tokens.values()].some((t) => t.id === token.id)) throw new Error(`access token ${token.id} already exists`);
    this.#tokens.set(token.tokenHash, copy(token));
    return copy(token);
  }

  async getByTokenHash(tokenHash: string): Promise<AccessToken | undefined> {
    const token = this.#tokens.get(tokenHash);
    return token && copy(token);
  }

  async getById(id: string): Promise<AccessToken | undefined> {
    const token = [...this.#tokens.values()].find((t) => t.id === id);
    return token && copy(token);
  }

  async list(): Promise<AccessToken[]> {
    return [...this.#tokens.values()].map(copy);
  }

  async deleteByTokenHash(tokenHash: string): Promise<boolean> {
    return this.#tokens.delete(tokenHash);
  }

  async markUsed(tokenHash: string, at: Date): Promise<void> {
    const token = this.#tokens.get(tokenHash);
    if (token !== undefined) this.#tokens.set(tokenHash, { ...token, lastUsedAt: new Date(at) });
  }
}
