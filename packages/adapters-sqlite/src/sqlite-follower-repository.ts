import type { Follower, FollowerRepository, FollowerStatus, Page, PageRequest } from '@hexcast/core';
import { and, count, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { HexcastDatabase } from './open-database.ts';
import { newestFirstPage } from './newest-first-page.ts';
import { followers } from './schema.ts';

/** The same partition as core's `followerStatus()`: blocked wins over approved. */
const STATUS_FILTERS: Record<FollowerStatus, SQL | undefined> = {
  blocked: isNotNull(followers.disabledAt),
  pending: and(isNull(followers.disabledAt), isNull(followers.approvedAt)),
  approved: and(isNull(followers.disabledAt), isNotNull(followers.approvedAt)),
};

/** ActivityPub followers keyed by actor IRI. */
export class SqliteFollowerRepository implements FollowerRepository {
  readonly #db: HexcastDatabase;

  constructor(db: HexcastDatabase) {
    this.#db = db;
  }

  async upsert(follower: Follower): Promise<void> {
    const { actorIri: _actorIri, ...rest } = follower;
    this.#db.insert(followers).values(follower).onConflictDoUpdate({ target: followers.actorIri, set: rest }).run();
  }

  async get(actorIri: string): Promise<Follower | undefined> {
    return this.#db.select().from(followers).where(eq(followers.actorIri, actorIri)).get();
  }

  approve(actorIri: string, at: Date): Promise<Follower | undefined> {
    return this.#update(actorIri, { approvedAt: at, disabledAt: null });
  }

  block(actorIri: string, at: Date): Promise<Follower | undefined> {
    return this.#update(actorIri, { disabledAt: at });
  }

  async remove(actorIri: string): Promise<boolean> {
    return this.#db.delete(followers).where(eq(followers.actorIri, actorIri)).run().changes > 0;
  }

  async list(status: FollowerStatus, page: PageRequest): Promise<Page<Follower>> {
    const where = STATUS_FILTERS[status];
    const { total, rows } = newestFirstPage(this.#db, followers, { where, orderBy: [followers.createdAt, followers.actorIri], page });
    return { total, results: rows };
  }

  async count(status: FollowerStatus): Promise<number> {
    const [counted] = this.#db.select({ total: count() }).from(followers).where(STATUS_FILTERS[status]).all();
    return counted?.total ?? 0;
  }

  async #update(actorIri: string, set: Partial<Follower>): Promise<Follower | undefined> {
    return this.#db.update(followers).set(set).where(eq(followers.actorIri, actorIri)).returning().get();
  }
}
