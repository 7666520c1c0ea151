import { followerStatus, type Follower, type FollowerStatus } from '../domain/federation.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { FollowerRepository } from '../ports/follower-repository.ts';
import { copy, newestFirst, pageOf } from './port-semantics.ts';

/** `FollowerRepository` in a map keyed by actor IRI. */
export class InMemoryFollowerRepository implements FollowerRepository {
  readonly #followers = new Map<string, Follower>();

  async upsert(follower: Follower): Promise<void> {
    this.#followers.set(follower.actorIri, copy(follower));
  }

  async get(actorIri: string): Promise<Follower | undefined> {
    const follower = this.#followers.get(actorIri);
    return follower && copy(follower);
  }

  approve(actorIri: string, at: Date): Promise<Follower | undefined> {
    return this.#update(actorIri, { approvedAt: at, disabledAt: null });
  }

  block(actorIri: string, at: Date): Promise<Follower | undefined> {
    return this.#update(actorIri, { disabledAt: at });
  }

  async remove(actorIri: string): Promise<boolean> {
    return this.#followers.delete(actorIri);
  }

  async list(status: FollowerStatus, page: PageRequest): Promise<Page<Follower>> {
    return pageOf(this.#inStatus(status).sort(newestFirst((f) => f.createdAt, (f) => f.actorIri)), page);
  }

  async count(status: FollowerStatus): Promise<number> {
    return this.#inStatus(status).length;
  }

  #inStatus(status: FollowerStatus): Follower[] {
    return [...this.#followers.values()].filter((f) => followerStatus(f) === status);
  }

  async #update(actorIri: string, change: Partial<Follower>): Promise<Follower | undefined> {
    const follower = this.#followers.get(actorIri);
    if (follower === undefined) return undefined;
    const updated = copy({ ...follower, ...change });
    this.#followers.set(actorIri, updated);
    return copy(updated);
  }
}
