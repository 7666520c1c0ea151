import type { Page } from '../../domain/pagination.ts';
import type { UserListQuery, UserListStatus } from '../../ports/user-repository.ts';
import type { ChatUserView } from './chat-api.ts';
import type { ChatContext } from './chat-context.ts';
import { toChatUserView } from './chat-views.ts';

const PAGE = 500;

/** The admin's lists of users. */
export class UserDirectory {
  readonly #ctx: ChatContext;

  constructor(ctx: ChatContext) {
    this.#ctx = ctx;
  }

  /** Newest first by default; `asc` reads the mirrored page so paging still works oldest first. */
  async list(query: UserListQuery & { sort?: 'asc' | 'desc' }): Promise<Page<ChatUserView>> {
    const { sort, ...rest } = query;
    if (sort !== 'asc') return this.#page(rest);
    const { total } = await this.#ctx.users.list({ ...rest, offset: 0, limit: 1 });
    const end = Math.max(0, total - rest.offset);
    const start = Math.max(0, end - rest.limit);
    if (end === 0) return { total, results: [] };
    const page = await this.#page({ ...rest, offset: start, limit: end - start });
    return { total: page.total, results: [...page.results].reverse() };
  }

  /** Every user with this status, newest first. */
  async all(status: UserListStatus): Promise<ChatUserView[]> {
    const users: ChatUserView[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.#page({ offset, limit: PAGE, status });
      users.push(...page.results);
      if (page.results.length < PAGE) return users;
    }
  }

  async #page(query: UserListQuery): Promise<Page<ChatUserView>> {
    const page = await this.#ctx.users.list(query);
    return { total: page.total, results: page.results.map(toChatUserView) };
  }
}
