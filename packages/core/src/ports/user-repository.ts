import type { ChatUser, UserScope } from '../domain/chat.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';

export interface NewChatUser {
  readonly id: string;
  readonly displayName: string;
  readonly displayColor: number;
  readonly createdAt: Date;
  readonly isBot?: boolean;
  readonly scopes?: readonly UserScope[];
}

/**
 * `active`: not disabled; `disabled`: disabled; `moderators`: holding the MODERATOR scope;
 * `bots`: integration users. The last two include disabled users.
 */
export const USER_LIST_STATUSES = ['all', 'active', 'disabled', 'moderators', 'bots'] as const;
export type UserListStatus = (typeof USER_LIST_STATUSES)[number];

export interface UserListQuery extends PageRequest {
  /**
   * substring of the display name or of a previous name, ignoring ASCII case; `%` and `_` are
   * plain characters (SQL adapters must escape them)
   */
  readonly search?: string;
  readonly status?: UserListStatus;
}

/** Chat users and the hashed access tokens they connect with. */
export interface UserRepository {
  /**
   * Creates a user with one access token (stored by hash). Throws if the id or the token hash
   * exists. The new user is enabled, unauthenticated, has no previous names, `nameChangedAt`
   * null, `isBot` false and no scopes unless given.
   */
  create(user: NewChatUser, tokenHash: string): Promise<ChatUser>;
  /** `undefined` when no such user. */
  getById(id: string): Promise<ChatUser | undefined>;
  /** The user a token hash belongs to, or `undefined` (also for deleted users). */
  getByTokenHash(tokenHash: string): Promise<ChatUser | undefined>;
  /**
   * Ids of every user whose current display name equals this one ignoring ASCII case, in no
   * particular order (callers drop their own id). `[]` when nobody holds it.
   */
  findIdsByDisplayName(displayName: string): Promise<string[]>;
  /**
   * Renames a user, appending the old name to `previousNames` (unless already there) and
   * setting `nameChangedAt`. `undefined` when the user does not exist.
   */
  rename(id: string, displayName: string, at: Date): Promise<ChatUser | undefined>;
  setColor(id: string, color: number): Promise<ChatUser | undefined>;
  /**
   * Sets `disabledAt` and `disabledReason` (`null` when not given); `disabledAt` null re-enables
   * the user and clears the reason.
   */
  setDisabled(id: string, disabledAt: Date | null, reason?: string): Promise<ChatUser | undefined>;
  /** Replaces the user's scopes (deduplicated, order kept). */
  setScopes(id: string, scopes: readonly UserScope[]): Promise<ChatUser | undefined>;
  /** Sets `authenticated` and appends `provider` to `authProviders` unless already there. */
  setAuthenticated(id: string, provider: string): Promise<ChatUser | undefined>;
  /** Newest `createdAt` first, equal times by id descending; `total` counts every match, not just this page. */
  list(query: UserListQuery): Promise<Page<ChatUser>>;
  /** Deletes the user and their tokens. `false` when there was no such user. */
  delete(id: string): Promise<boolean>;
}
