import type { ChatUser, UserScope } from '../domain/chat.ts';
import type { Page } from '../domain/pagination.ts';
import type { NewChatUser, UserListQuery, UserListStatus, UserRepository } from '../ports/user-repository.ts';
import { asciiLower, copy, newestFirst, pageOf } from './port-semantics.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const STATUS_FILTERS: Record<UserListStatus, (user: ChatUser) => boolean> = {
  all: () => true,
  active: (user) => user.disabledAt === null,
  disabled: (user) => user.disabledAt !== null,
  moderators: (user) => user.scopes.includes('MODERATOR'),
  bots: (user) => user.isBot,
};

/** `UserRepository` in maps. `isDisabled` lets the in-memory chat history hide disabled users' messages. */
export class InMemoryUserRepository implements UserRepository {
  readonly #users = new Map<string, Mutable<ChatUser>>();
  /** token hash → user id */
  readonly #tokens = new Map<string, string>();

  async create(user: NewChatUser, tokenHash: string): Promise<ChatUser> {
    if (this.#users.has(user.id)) throw new Error(`user ${user.id} already exists`);
    if (this.#tokens.has(tokenHash)) throw new Error('token hash already exists');
    const created: ChatUser = {
      id: user.id,
      displayName: user.displayName,
      displayColor: user.displayColor,
      createdAt: user.createdAt,
      disabledAt: null,
      disabledReason: null,
      nameChangedAt: null,
      previousNames: [],
      scopes: unique(user.scopes ?? []),
      isBot: user.isBot ?? false,
      authenticated: false,
      authProviders: [],
    };
    this.#users.set(user.id, copy(created));
    this.#tokens.set(tokenHash, user.id);
    return copy(created);
  }

  async getById(id: string): Promise<ChatUser | undefined> {
    const user = this.#users.get(id);
    return user && copy(user);
  }

  async getByTokenHash(tokenHash: string): Promise<ChatUser | undefined> {
    const id = this.#tokens.get(tokenHash);
    return id === undefined ? undefined : this.getById(id);
  }

  async findIdsByDisplayName(displayName: string): Promise<string[]> {
    const wanted = asciiLower(displayName);
    return [...this.#users.values()].filter((u) => asciiLower(u.displayName) === wanted).map((u) => u.id);
  }

  rename(id: string, displayName: string, at: Date): Promise<ChatUser | undefined> {
    return this.#update(id, (user) => {
      if (!user.previousNames.includes(user.displayName)) user.previousNames = [...user.previousNames, user.displayName];
      user.displayName = displayName;
      user.nameChangedAt = at;
    });
  }

  setColor(id: string, color: number): Promise<ChatUser | undefined> {
    return this.#update(id, (user) => (user.displayColor = color));
  }

  setDisabled(id: string, disabledAt: Date | null, reason?: string): Promise<ChatUser | undefined> {
    return this.#update(id, (user) => {
      user.disabledAt = disabledAt;
      user.disabledReason = disabledAt === null ? null : (reason ?? null);
    });
  }

  setScopes(id: string, scopes: readonly UserScope[]): Promise<ChatUser | undefined> {
    return this.#update(id, (user) => (user.scopes = unique(scopes)));
  }

  setAuthenticated(id: string, provider: string): Promise<ChatUser | undefined> {
    return this.#update(id, (user) => {
      user.authenticated = true;
      user.authProviders = unique([...user.authProviders, provider]);
    });
  }

  async list(query: UserListQuery): Promise<Page<ChatUser>> {
    const matchesStatus = STATUS_FILTERS[query.status ?? 'all'];
    const search = query.search === undefined ? undefined : asciiLower(query.search);
    const matches = [...this.#users.values()]
      .filter(matchesStatus)
      .filter((u) => search === undefined || [u.displayName, ...u.previousNames].some((name) => asciiLower(name).includes(search)))
      .sort(newestFirst((u) => u.createdAt, (u) => u.id));
    return pageOf(matches, query);
  }

  async delete(id: string): Promise<boolean> {
    if (!this.#users.delete(id)) return false;
    for (const [hash, owner] of this.#tokens) if (owner === id) this.#tokens.delete(hash);
    return true;
  }

  /** Synchronous peek for the in-memory chat history (a SQL adapter joins instead). */
  isDisabled(id: string): boolean {
    return (this.#users.get(id)?.disabledAt ?? null) !== null;
  }

  async #update(id: string, change: (user: Mutable<ChatUser>) => void): Promise<ChatUser | undefined> {
    const user = this.#users.get(id);
    if (user === undefined) return undefined;
    change(user);
    // Dates passed in stay the caller's: store copies of whatever `change` assigned.
    this.#users.set(id, copy(user));
    return copy(user);
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
