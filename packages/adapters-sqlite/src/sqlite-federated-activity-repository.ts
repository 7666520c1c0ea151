import type { FederatedActivity, FederatedActivityRepository, Page, PageRequest } from '@hexcast/core';
import { eq } from 'drizzle-orm';
import type { HexcastDatabase } from './open-database.ts';
import { newestFirstPage } from './newest-first-page.ts';
import { federatedActivities } from './schema.ts';

/** Inbound and outbound ActivityPub activities, immutable once saved. */
export class SqliteFederatedActivityRepository implements FederatedActivityRepository {
  readonly #db: HexcastDatabase;

  constructor(db: HexcastDatabase) {
    this.#db = db;
  }

  async save(activity: FederatedActivity): Promise<void> {
    // Remote servers redeliver: the first copy of an IRI wins.
    this.#db.insert(federatedActivities).values(activity).onConflictDoNothing().run();
  }

  async get(iri: string): Promise<FederatedActivity | undefined> {
    return this.#db.select().from(federatedActivities).where(eq(federatedActivities.iri, iri)).get();
  }

  async list(page: PageRequest, direction?: FederatedActivity['direction']): Promise<Page<FederatedActivity>> {
    const where = direction === undefined ? undefined : eq(federatedActivities.direction, direction);
    const { total, rows } = newestFirstPage(this.#db, federatedActivities, { where, orderBy: [federatedActivities.timestamp, federatedActivities.iri], page });
    return { total, results: rows };
  }
}
