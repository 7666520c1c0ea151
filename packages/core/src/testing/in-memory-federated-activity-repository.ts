import type { FederatedActivity } from '../domain/federation.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { FederatedActivityRepository } from '../ports/federated-activity-repository.ts';
import { copy, newestFirst, pageOf } from './port-semantics.ts';

/** `FederatedActivityRepository` in a map keyed by IRI; the first save of an IRI wins. */
export class InMemoryFederatedActivityRepository implements FederatedActivityRepository {
  readonly #activities = new Map<string, FederatedActivity>();

  async save(activity: FederatedActivity): Promise<void> {
    if (!this.#activities.has(activity.iri)) this.#activities.set(activity.iri, copy(activity));
  }

  async get(iri: string): Promise<FederatedActivity | undefined> {
    const activity = this.#activities.get(iri);
    return activity && copy(activity);
  }

  async list(page: PageRequest, direction?: FederatedActivity['direction']): Promise<Page<FederatedActivity>> {
    const matches = [...this.#activities.values()].filter((a) => direction === undefined || a.direction === direction);
    return pageOf(matches.sort(newestFirst((a) => a.timestamp, (a) => a.iri)), page);
  }
}
