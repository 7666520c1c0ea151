import type { Follower, FollowerStatus } from '../domain/federation.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';

/** ActivityPub followers of this server's actor, keyed by actor IRI. */
export interface FollowerRepository {
  /** Adds a follower or replaces the one with the same actor IRI. */
  upsert(follower: Follower): Promise<void>;
  get(actorIri: string): Promise<Follower | undefined>;
  /** Sets `approvedAt` and clears `disabledAt`. `undefined` when unknown. */
  approve(actorIri: string, at: Date): Promise<Follower | undefined>;
  /** Sets `disabledAt` (rejected or blocked). `undefined` when unknown. */
  block(actorIri: string, at: Date): Promise<Follower | undefined>;
  /** `false` when unknown. */
  remove(actorIri: string): Promise<boolean>;
  /** Followers in a status, newest `createdAt` first, equal times by actor IRI descending. */
  list(status: FollowerStatus, page: PageRequest): Promise<Page<Follower>>;
  count(status: FollowerStatus): Promise<number>;
}
