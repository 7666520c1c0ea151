import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USER_SCOPES, type ChatUser } from '../domain/chat.ts';
import { USER_LIST_STATUSES, type NewChatUser, type UserRepository } from '../ports/user-repository.ts';
import { RUNS, asciiId, clusteredInstant, increasingInstants, instant, pageLimit, sorted, text, expectPaginates } from './contract-arbitraries.ts';
import { asciiLower, newestFirst } from './port-semantics.ts';

const tokenHash: fc.Arbitrary<string> = fc.stringMatching(/^[0-9a-f]{64}$/);

const newChatUser: fc.Arbitrary<NewChatUser> = fc.record(
  {
    id: asciiId,
    displayName: text(30).filter((name) => name !== ''),
    displayColor: fc.integer({ min: 0, max: 7 }),
    createdAt: instant,
    isBot: fc.boolean(),
    scopes: fc.subarray([...USER_SCOPES]),
  },
  { requiredKeys: ['id', 'displayName', 'displayColor', 'createdAt'] },
);

function user(id: string, displayName = `user ${id}`): NewChatUser {
  return { id, displayName, displayColor: 1, createdAt: new Date(Date.UTC(2024, 0, 1)) };
}

/** A user of the list property: names from a tiny alphabet (with LIKE's wildcards) so searches hit. */
const listedUser = fc.record({
  id: asciiId,
  name: fc.stringMatching(/^[abAB%_]{1,3}$/),
  renamedTo: fc.option(fc.stringMatching(/^[abAB%_]{1,3}$/), { nil: undefined }),
  createdAt: clusteredInstant,
  isBot: fc.boolean(),
  moderator: fc.boolean(),
  disabled: fc.boolean(),
});

const STATUS_MATCHES: Record<(typeof USER_LIST_STATUSES)[number], (u: ChatUser) => boolean> = {
  all: () => true,
  active: (u) => u.disabledAt === null,
  disabled: (u) => u.disabledAt !== null,
  moderators: (u) => u.scopes.includes('MODERATOR'),
  bots: (u) => u.isBot,
};

/** The `UserRepository` contract. `make` must return a fresh, empty store on every call. */
export function describeUserRepositoryContract(make: () => Promise<UserRepository> | UserRepository): void {
  describe('UserRepository contract', () => {
    it('creates users in their documented initial state, found by id and by token hash', async () => {
      await fc.assert(
        fc.asyncProperty(newChatUser, tokenHash, async (input, hash) => {
          const repo = await make();
          const expected: ChatUser = {
            ...{ id: input.id, displayName: input.displayName, displayColor: input.displayColor, createdAt: input.createdAt },
            ...{ disabledAt: null, disabledReason: null, nameChangedAt: null, previousNames: [], authenticated: false, authProviders: [] },
            ...{ scopes: input.scopes ?? [], isBot: input.isBot ?? false },
          };
          expect(await repo.create(input, hash)).toEqual(expected);
          expect(await repo.getById(input.id)).toEqual(expected);
          expect(await repo.getByTokenHash(hash)).toEqual(expected);
        }),
        RUNS,
      );
    });

    it('refuses a second user with the same id or the same token hash', async () => {
      const repo = await make();
      await repo.create(user('a'), 'hash-a');
      await expect(repo.create(user('a', 'other'), 'hash-b')).rejects.toThrow();
      await expect(repo.create(user('b'), 'hash-a')).rejects.toThrow();
      expect((await repo.getById('a'))?.displayName).toBe('user a');
      expect((await repo.getByTokenHash('hash-a'))?.id).toBe('a');
      expect(await repo.getById('b')).toBeUndefined();
    });

    it('answers undefined or false for users that do not exist', async () => {
      const repo = await make();
      const at = new Date(Date.UTC(2024, 0, 2));
      expect(await repo.getById('nobody')).toBeUndefined();
      expect(await repo.getByTokenHash('no-hash')).toBeUndefined();
      expect(await repo.findIdsByDisplayName('nobody')).toEqual([]);
      expect(await repo.rename('nobody', 'x', at)).toBeUndefined();
      expect(await repo.setColor('nobody', 2)).toBeUndefined();
      expect(await repo.setDisabled('nobody', at, 'spam')).toBeUndefined();
      expect(await repo.setScopes('nobody', ['MODERATOR'])).toBeUndefined();
      expect(await repo.setAuthenticated('nobody', 'IndieAuth')).toBeUndefined();
      expect(await repo.delete('nobody')).toBe(false);
      expect(await repo.list({ offset: 0, limit: 10 })).toEqual({ total: 0, results: [] });
    });

    it('deletes a user with their token; deleting again is false', async () => {
      const repo = await make();
      await repo.create(user('a'), 'hash-a');
      await repo.create(user('b'), 'hash-b');
      expect(await repo.delete('a')).toBe(true);
      expect(await repo.delete('a')).toBe(false);
      expect(await repo.getById('a')).toBeUndefined();
      expect(await repo.getByTokenHash('hash-a')).toBeUndefined();
      expect(await repo.findIdsByDisplayName('user a')).toEqual([]);
      expect((await repo.list({ offset: 0, limit: 10 })).results.map((u) => u.id)).toEqual(['b']);
    });

    it('renames, remembering each earlier name once', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom('Ann', 'Bob', 'Zoë', '猫'), { minLength: 1, maxLength: 6 }), async (names) => {
          const repo = await make();
          await repo.create(user('a', 'Ann'), 'hash-a');
          const times = increasingInstants(names.length);
          let expected = { displayName: 'Ann', previousNames: [] as string[] };
          let renamed: ChatUser | undefined;
          for (const [i, name] of names.entries()) {
            renamed = await repo.rename('a', name, times[i]!);
            const previousNames = expected.previousNames.includes(expected.displayName) ? expected.previousNames : [...expected.previousNames, expected.displayName];
            expected = { displayName: name, previousNames };
          }
          expect(renamed).toMatchObject({ ...expected, nameChangedAt: times.at(-1) });
          expect(await repo.getById('a')).toEqual(renamed);
        }),
        RUNS,
      );
    });

    it('changes colour, disabled state and scopes, deduplicating scopes in order', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom(...USER_SCOPES), { maxLength: 6 }), instant, text(), async (scopes, at, reason) => {
          const repo = await make();
          await repo.create(user('a'), 'hash-a');
          expect((await repo.setColor('a', 6))?.displayColor).toBe(6);
          expect((await repo.setScopes('a', scopes))?.scopes).toEqual([...new Set(scopes)]);
          expect(await repo.setDisabled('a', at, reason)).toMatchObject({ disabledAt: at, disabledReason: reason });
          expect(await repo.setDisabled('a', at)).toMatchObject({ disabledAt: at, disabledReason: null });
          expect(await repo.setDisabled('a', null)).toMatchObject({ disabledAt: null, disabledReason: null });
          expect(await repo.getById('a')).toMatchObject({ displayColor: 6, scopes: [...new Set(scopes)], disabledAt: null });
        }),
        RUNS,
      );
    });

    it('records authentication once per provider', async () => {
      const repo = await make();
      await repo.create(user('a'), 'hash-a');
      for (const provider of ['IndieAuth', 'Fediverse', 'IndieAuth']) await repo.setAuthenticated('a', provider);
      expect(await repo.getById('a')).toMatchObject({ authenticated: true, authProviders: ['IndieAuth', 'Fediverse'] });
    });

    it('finds every holder of a display name, ignoring ASCII case, and forgets names given up', async () => {
      const repo = await make();
      await repo.create(user('a', 'Streamer'), 'hash-a');
      await repo.create(user('b', 'sTREAMER'), 'hash-b');
      await repo.create(user('c', 'Streamer2'), 'hash-c');
      expect(sorted(await repo.findIdsByDisplayName('STREAMER'))).toEqual(['a', 'b']);
      await repo.rename('b', 'Other', new Date(Date.UTC(2024, 0, 2)));
      expect(await repo.findIdsByDisplayName('streamer')).toEqual(['a']);
      expect(await repo.findIdsByDisplayName('Stream')).toEqual([]);
    });

    it('lists newest first by status and search, paginating with correct totals', async () => {
      const query = fc.record({ status: fc.option(fc.constantFrom(...USER_LIST_STATUSES), { nil: undefined }), search: fc.option(fc.stringMatching(/^[abAB%_]{0,2}$/), { nil: undefined }) });
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(listedUser, { selector: (u) => u.id, maxLength: 10 }), query, pageLimit, async (users, { status, search }, limit) => {
          const repo = await make();
          const stored: ChatUser[] = [];
          for (const u of users) {
            await repo.create({ id: u.id, displayName: u.name, displayColor: 0, createdAt: u.createdAt, isBot: u.isBot, scopes: u.moderator ? ['MODERATOR'] : [] }, `hash-${u.id}`);
            if (u.renamedTo !== undefined) await repo.rename(u.id, u.renamedTo, u.createdAt);
            if (u.disabled) await repo.setDisabled(u.id, u.createdAt, 'spam');
            stored.push((await repo.getById(u.id))!);
          }
          const needle = search === undefined ? undefined : asciiLower(search);
          const expected = stored
            .filter(STATUS_MATCHES[status ?? 'all'])
            .filter((u) => needle === undefined || [u.displayName, ...u.previousNames].some((name) => asciiLower(name).includes(needle)))
            .sort(newestFirst((u) => u.createdAt, (u) => u.id));
          await expectPaginates({ read: (page) => repo.list({ ...page, status, search }), limit, expected, key: (u) => u.id });
        }),
        RUNS,
      );
    });

    it('hands out copies: changing a user read does not change the store', async () => {
      const repo = await make();
      await repo.create({ ...user('a'), scopes: ['MODERATOR'] }, 'hash-a');
      const read = await repo.getById('a');
      (read!.scopes as string[]).push('HAS_ADMIN_ACCESS');
      expect((await repo.getById('a'))?.scopes).toEqual(['MODERATOR']);
    });
  });
}
