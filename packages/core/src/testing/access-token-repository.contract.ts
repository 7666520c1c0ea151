import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTEGRATION_SCOPES } from '../domain/chat.ts';
import type { AccessToken } from '../domain/integrations.ts';
import type { AccessTokenRepository } from '../ports/access-token-repository.ts';
import { RUNS, asciiId, increasingInstants, instant, text } from './contract-arbitraries.ts';

const fields = fc.record({
  id: asciiId,
  displayName: text(30),
  displayColor: fc.integer({ min: 0, max: 7 }),
  tokenHash: fc.stringMatching(/^[0-9a-f]{64}$/),
  tokenPrefix: fc.stringMatching(/^[A-Za-z0-9_-]{6}$/),
  scopes: fc.shuffledSubarray([...INTEGRATION_SCOPES], { minLength: 1 }),
  lastUsedAt: fc.option(instant, { nil: null }),
});

function token(id: string, tokenHash: string, createdAt = new Date(Date.UTC(2024, 0, 1))): AccessToken {
  return { id, displayName: `bot ${id}`, displayColor: 2, tokenHash, tokenPrefix: tokenHash.slice(0, 6), scopes: ['CAN_SEND_MESSAGES'], createdAt, lastUsedAt: null };
}

/** The `AccessTokenRepository` contract. `make` must return a fresh, empty store on every call. */
export function describeAccessTokenRepositoryContract(make: () => Promise<AccessTokenRepository> | AccessTokenRepository): void {
  describe('AccessTokenRepository contract', () => {
    it('stores tokens as given, found by id and hash, listed in creation order', async () => {
      const tokens = fc.uniqueArray(fields, { selector: (t) => t.id, maxLength: 8 }).filter((ts) => new Set(ts.map((t) => t.tokenHash)).size === ts.length);
      await fc.assert(
        fc.asyncProperty(tokens, async (inputs) => {
          const repo = await make();
          const times = increasingInstants(inputs.length);
          const created = inputs.map((input, i): AccessToken => ({ ...input, createdAt: times[i]! }));
          for (const t of created) expect(await repo.create(t)).toEqual(t);
          for (const t of created) {
            expect(await repo.getById(t.id)).toEqual(t);
            expect(await repo.getByTokenHash(t.tokenHash)).toEqual(t);
          }
          expect(await repo.list()).toEqual(created);
        }),
        RUNS,
      );
    });

    it('refuses a duplicate id or token hash', async () => {
      const repo = await make();
      await repo.create(token('a', 'hash-a'));
      await expect(repo.create(token('a', 'hash-b'))).rejects.toThrow();
      await expect(repo.create(token('b', 'hash-a'))).rejects.toThrow();
      expect(await repo.list()).toEqual([token('a', 'hash-a')]);
    });

    it('answers undefined, false and [] for tokens that do not exist', async () => {
      const repo = await make();
      expect(await repo.getById('missing')).toBeUndefined();
      expect(await repo.getByTokenHash('missing')).toBeUndefined();
      expect(await repo.deleteByTokenHash('missing')).toBe(false);
      await repo.markUsed('missing', new Date());
      expect(await repo.list()).toEqual([]);
    });

    it('deletes by hash once', async () => {
      const repo = await make();
      const [t1, t2] = increasingInstants(2);
      await repo.create(token('a', 'hash-a', t1));
      await repo.create(token('b', 'hash-b', t2));
      expect(await repo.deleteByTokenHash('hash-a')).toBe(true);
      expect(await repo.deleteByTokenHash('hash-a')).toBe(false);
      expect(await repo.getById('a')).toBeUndefined();
      expect(await repo.list()).toEqual([token('b', 'hash-b', t2)]);
    });

    it('records when a token was last used', async () => {
      await fc.assert(
        fc.asyncProperty(instant, instant, async (first, last) => {
          const repo = await make();
          await repo.create(token('a', 'hash-a'));
          await repo.markUsed('hash-a', first);
          await repo.markUsed('hash-a', last);
          expect(await repo.getByTokenHash('hash-a')).toEqual({ ...token('a', 'hash-a'), lastUsedAt: last });
        }),
        RUNS,
      );
    });
  });
}
