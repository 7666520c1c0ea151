import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FederatedActivity } from '../domain/federation.ts';
import type { FederatedActivityRepository } from '../ports/federated-activity-repository.ts';
import { RUNS, clusteredInstant, expectPaginates, pageLimit, text } from './contract-arbitraries.ts';
import { newestFirst } from './port-semantics.ts';

const activity: fc.Arbitrary<FederatedActivity> = fc.record({
  iri: fc.stringMatching(/^[a-z0-9]{1,8}$/).map((id) => `https://social.example/activities/${id}`),
  actorIri: fc.webUrl(),
  type: fc.constantFrom('Follow', 'Like', 'Announce', 'Create', 'Undo'),
  timestamp: clusteredInstant,
  direction: fc.constantFrom('inbound', 'outbound'),
  payload: text(64),
});

/** The `FederatedActivityRepository` contract. `make` must return a fresh, empty store on every call. */
export function describeFederatedActivityRepositoryContract(make: () => Promise<FederatedActivityRepository> | FederatedActivityRepository): void {
  describe('FederatedActivityRepository contract', () => {
    it('round-trips an activity and keeps the first save of an IRI', async () => {
      await fc.assert(
        fc.asyncProperty(activity, activity, async (first, second) => {
          const repo = await make();
          await repo.save(first);
          await repo.save({ ...second, iri: first.iri });
          expect(await repo.get(first.iri)).toEqual(first);
          expect((await repo.list({ offset: 0, limit: 10 })).total).toBe(1);
        }),
        RUNS,
      );
    });

    it('lists newest first (ties by IRI, descending), optionally by direction, in pages with correct totals', async () => {
      const activities = fc.uniqueArray(activity, { selector: (a) => a.iri, maxLength: 10 });
      const direction = fc.option(fc.constantFrom('inbound' as const, 'outbound' as const), { nil: undefined });
      await fc.assert(
        fc.asyncProperty(activities, direction, pageLimit, async (all, dir, limit) => {
          const repo = await make();
          for (const a of all) await repo.save(a);
          const expected = all.filter((a) => dir === undefined || a.direction === dir).sort(newestFirst((a) => a.timestamp, (a) => a.iri));
          await expectPaginates({ read: (page) => repo.list(page, dir), limit, expected, key: (a) => a.iri });
        }),
        RUNS,
      );
    });

    it('answers undefined and an empty page when there is nothing', async () => {
      const repo = await make();
      expect(await repo.get('https://social.example/activities/missing')).toBeUndefined();
      expect(await repo.list({ offset: 0, limit: 10 })).toEqual({ total: 0, results: [] });
      expect(await repo.list({ offset: 0, limit: 10 }, 'inbound')).toEqual({ total: 0, results: [] });
    });
  });
}
