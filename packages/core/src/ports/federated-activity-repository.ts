import type { FederatedActivity } from '../domain/federation.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';

/** Activities received and published, for the outbox and the admin's activity list. */
export interface FederatedActivityRepository {
  /** Saving an IRI that exists is a no-op (activities are immutable, deliveries repeat). */
  save(activity: FederatedActivity): Promise<void>;
  get(iri: string): Promise<FederatedActivity | undefined>;
  /**
   * Newest `timestamp` first, equal times by IRI descending; only one direction when given.
   * `total` counts every match, not just this page.
   */
  list(page: PageRequest, direction?: FederatedActivity['direction']): Promise<Page<FederatedActivity>>;
}
