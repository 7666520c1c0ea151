import type { AccessToken } from '../domain/integrations.ts';

/** Integration (bot) access tokens, stored by hash. */
export interface AccessTokenRepository {
  /** Throws if the id or token hash exists. */
  create(token: AccessToken): Promise<AccessToken>;
  getByTokenHash(tokenHash: string): Promise<AccessToken | undefined>;
  getById(id: string): Promise<AccessToken | undefined>;
  /** In creation order. */
  list(): Promise<AccessToken[]>;
  /** `false` when there was no such token. */
  deleteByTokenHash(tokenHash: string): Promise<boolean>;
  /** Unknown hashes are ignored. */
  markUsed(tokenHash: string, at: Date): Promise<void>;
}
