import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLLOWER_STATUSES, followerStatus, type Follower } from '../domain/federation.ts';
import type { FollowerRepository } from '../ports/follower-repository.ts';
import { RUNS, clusteredInstant, expectPaginates, instant, pageLimit, text } from './contract-arbitraries.ts';
import { newestFirst } from './port-semantics.ts';

const follower: fc.Arbitrary<Follower> = fc.record({
  actorIri: fc.stringMatching(/^[a-z0-9]{1,8}$/).map((name) => `https://social.example/users/${name}`),
  inbox: fc.webUrl(),
  name: text(),
  username: fc.stringMatching(/^[a-z0-9_]{1,8}@[a-z]{1,6}\.example$/),
  image: fc.webUrl(),
  followRequestIri: fc.webUrl(),
  createdAt: clusteredInstant,
  approvedAt: fc.option(instant, { nil: null }),
  disabledAt: fc.option(instant, { nil: null }),
});

function pending(actorIri: string): Follower {
  const createdAt = new Date(Date.UTC(2024, 0, 1));
  return { actorIri, inbox: `${actorIri}/inbox`, name: 'Ann', username: 'ann@social.example', image: '', followRequestIri: `${actorIri}#follow`, createdAt, approvedAt: null, disabledAt: null };
}

/** The `FollowerRepository` contract. `make` must return a fresh, empty store on every call. */
export function describeFollowerRepositoryContract(make: () => Promise<FollowerRepository> | FollowerRepository): void {
  describe('FollowerRepository contract', () => {
    it('round-trips followers and replaces one upserted again', async () => {
      await fc.assert(
        fc.asyncProperty(follower, follower, async (first, second) => {
          const repo = await make();
          await repo.upsert(first);
          expect(await repo.get(first.actorIri)).toEqual(first);
          const replacement = { ...second, actorIri: first.actorIri };
          await repo.upsert(replacement);
          await repo.upsert(replacement);
          expect(await repo.get(first.actorIri)).toEqual(replacement);
          expect(await repo.count(followerStatus(replacement))).toBe(1);
        }),
        RUNS,
      );
    });

    it('lists each status newest first (ties by actor IRI, descending) in pages with correct totals', async () => {
      const followers = fc.uniqueArray(follower, { selector: (f) => f.actorIri, maxLength: 10 });
      await fc.assert(
        fc.asyncProperty(followers, fc.constantFrom(...FOLLOWER_STATUSES), pageLimit, async (all, status, limit) => {
          const repo = await make();
          for (const f of all) await repo.upsert(f);
          const expected = all.filter((f) => followerStatus(f) === status).sort(newestFirst((f) => f.createdAt, (f) => f.actorIri));
          expect(await repo.count(status)).toBe(expected.length);
          await expectPaginates({ read: (page) => repo.list(status, page), limit, expected, key: (f) => f.actorIri });
        }),
        RUNS,
      );
    });

    it('approves (clearing a block) and blocks, returning the follower', async () => {
      await fc.assert(
        fc.asyncProperty(instant, instant, async (approvedAt, blockedAt) => {
          const repo = await make();
          const iri = 'https://social.example/users/ann';
          await repo.upsert(pending(iri));
          const blocked = { ...pending(iri), disabledAt: blockedAt };
          expect(await repo.block(iri, blockedAt)).toEqual(blocked);
          expect(await repo.count('blocked')).toBe(1);
          const approved = { ...pending(iri), approvedAt, disabledAt: null };
          expect(await repo.approve(iri, approvedAt)).toEqual(approved);
          expect(await repo.get(iri)).toEqual(approved);
          expect([await repo.count('approved'), await repo.count('blocked'), await repo.count('pending')]).toEqual([1, 0, 0]);
        }),
        RUNS,
      );
    });

    it('answers undefined, false and zero for unknown followers', async () => {
      const repo = await make();
      const iri = 'https://social.example/users/nobody';
      expect(await repo.get(iri)).toBeUndefined();
      expect(await repo.approve(iri, new Date())).toBeUndefined();
      expect(await repo.block(iri, new Date())).toBeUndefined();
      expect(await repo.remove(iri)).toBe(false);
      for (const status of FOLLOWER_STATUSES) {
        expect(await repo.count(status)).toBe(0);
        expect(await repo.list(status, { offset: 0, limit: 10 })).toEqual({ total: 0, results: [] });
      }
    });

    it('removes a follower once', async () => {
      const repo = await make();
      await repo.upsert(pending('https://social.example/users/ann'));
      expect(await repo.remove('https://social.example/users/ann')).toBe(true);
      expect(await repo.remove('https://social.example/users/ann')).toBe(false);
      expect(await repo.count('pending')).toBe(0);
    });
  });
}
