import type { FederatedActivity } from '../domain/federation.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';

/** Activities received and published, for the outbox and the admin's activity list. */
export interface FederatedActivityRepository {
  /** Saving an IRI that exists is a no-op (activities are immutable, deliveries repeat). */
  save(activity: FederatedActivity): Promise<void>;
  get(iri: string): Promise<FederatedActivity | undefined>;
  /** Newest first. */
  list(page: PageRequest, direction?: FederatedActivity['direction']): Promise<Page<FederatedActivity>>;
}
