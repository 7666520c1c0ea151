import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STORED_MESSAGE_TYPES, type ChatMessage } from '../domain/chat.ts';
import type { ChatHistoryQuery, ChatMessageRepository } from '../ports/chat-message-repository.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import { RUNS, asciiId, clusteredInstant, instant, sorted, text } from './contract-arbitraries.ts';
import { oldestFirst } from './port-semantics.ts';

/**
 * The chat history and the users it belongs to, sharing one store: history hides messages of
 * disabled users, which SQL adapters answer with a join on the users table.
 */
export interface ChatMessageContractStores {
  readonly chatMessages: ChatMessageRepository;
  readonly users: UserRepository;
}

/** Every generated message belongs to one of these users (created first: adapters may enforce foreign keys) or to nobody. */
const USER_IDS = ['u1', 'u2', 'u3'] as const;
const history = oldestFirst<ChatMessage>((m) => m.timestamp, (m) => m.id);

const chatMessage: fc.Arbitrary<ChatMessage> = fc.record(
  {
    id: asciiId,
    type: fc.constantFrom(...STORED_MESSAGE_TYPES),
    userId: fc.constantFrom(null, ...USER_IDS),
    body: text(),
    rawBody: text(),
    timestamp: clusteredInstant,
    hiddenAt: fc.option(instant, { nil: null, freq: 2 }),
    image: fc.option(text(), { nil: null }),
    link: fc.option(text(), { nil: null }),
    title: fc.option(text(), { nil: null }),
  },
  { requiredKeys: ['id', 'type', 'userId', 'body', 'rawBody', 'timestamp', 'hiddenAt'] },
);
const messages = fc.uniqueArray(chatMessage, { selector: (m) => m.id, maxLength: 12 });

/** Omitted optional fields may read back as null (a column), so compare them that way. */
function normalised(message: ChatMessage | undefined): ChatMessage | undefined {
  return message && { ...message, image: message.image ?? null, link: message.link ?? null, title: message.title ?? null };
}

async function storesWith(make: () => Promise<ChatMessageContractStores> | ChatMessageContractStores, saved: readonly ChatMessage[], disabled: readonly string[] = []) {
  const stores = await make();
  for (const id of USER_IDS) await stores.users.create({ id, displayName: id, displayColor: 0, createdAt: new Date(Date.UTC(2024, 0, 1)) }, `hash-${id}`);
  for (const id of disabled) await stores.users.setDisabled(id, new Date(Date.UTC(2024, 0, 1)), 'spam');
  for (const message of saved) await stores.chatMessages.save(message);
  return stores.chatMessages;
}

function expectedHistory(all: readonly ChatMessage[], disabled: readonly string[], query: ChatHistoryQuery): ChatMessage[] {
  const matches = [...all].sort(history).filter(
    (m) =>
      (query.includeHidden === true || (m.hiddenAt === null && (m.userId === null || !disabled.includes(m.userId)))) &&
      (query.before === undefined || m.timestamp.getTime() < query.before.getTime()) &&
      (query.userId === undefined || m.userId === query.userId),
  );
  return matches.slice(Math.max(0, matches.length - query.limit));
}

/** The `ChatMessageRepository` contract. `make` must return fresh, empty stores on every call. */
export function describeChatMessageRepositoryContract(make: () => Promise<ChatMessageContractStores> | ChatMessageContractStores): void {
  describe('ChatMessageRepository contract', () => {
    it('reads back what was saved, to the millisecond and the code point', async () => {
      await fc.assert(
        fc.asyncProperty(chatMessage, async (message) => {
          const store = await storesWith(make, [message]);
          expect(normalised(await store.getById(message.id))).toEqual(normalised(message));
          expect(await store.count()).toBe(1);
        }),
        RUNS,
      );
    });

    it('replaces a message saved again under its id', async () => {
      await fc.assert(
        fc.asyncProperty(chatMessage, chatMessage, async (first, second) => {
          const again = { ...second, id: first.id };
          const store = await storesWith(make, [first, again, again]);
          expect(normalised(await store.getById(first.id))).toEqual(normalised(again));
          expect(await store.count()).toBe(1);
        }),
        RUNS,
      );
    });

    it('answers undefined, [] and 0 when there is nothing', async () => {
      const repo = await storesWith(make, []);
      expect(await repo.getById('missing')).toBeUndefined();
      expect(await repo.list({ limit: 10, includeHidden: true })).toEqual([]);
      expect(await repo.setHidden(['missing'], new Date())).toEqual([]);
      expect(await repo.hideAllFromUser('u1', new Date())).toEqual([]);
      expect(await repo.deleteAllFromUser('u1')).toBe(0);
      expect(await repo.prune({ olderThan: new Date(), keepLatest: 0 })).toBe(0);
      expect(await repo.count()).toBe(0);
    });

    it('returns the newest `limit` messages, oldest first, ties by id', async () => {
      const at = (second: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, second));
      const saved = ['e', 'a', 'd', 'c', 'b'].map((id, i): ChatMessage => ({ id, type: 'CHAT', userId: 'u1', body: id, rawBody: id, timestamp: at(Math.min(i, 3)), hiddenAt: null }));
      const store = await storesWith(make, saved);
      expect((await store.list({ limit: 3 })).map((m) => m.id)).toEqual(['d', 'b', 'c']);
      expect((await store.list({ limit: 2, before: at(3) })).map((m) => m.id)).toEqual(['a', 'd']);
      expect((await store.list({ limit: 0 })).map((m) => m.id)).toEqual([]);
    });

    it('leaves out messages of disabled users unless hidden ones are asked for', async () => {
      const at = new Date(Date.UTC(2024, 0, 1));
      const saved = (['u1', 'u2', null] as const).map((userId, i): ChatMessage => ({ id: `m${i}`, type: 'CHAT', userId, body: '', rawBody: '', timestamp: at, hiddenAt: null }));
      const store = await storesWith(make, saved, ['u2']);
      expect((await store.list({ limit: 10 })).map((m) => m.id)).toEqual(['m0', 'm2']);
      expect((await store.list({ limit: 10, includeHidden: true })).map((m) => m.id)).toEqual(['m0', 'm1', 'm2']);
    });

    it('lists the newest matches oldest first, hiding hidden messages and disabled users unless asked', async () => {
      const query: fc.Arbitrary<ChatHistoryQuery> = fc.record({
        limit: fc.integer({ min: 0, max: 4 }),
        includeHidden: fc.option(fc.boolean(), { nil: undefined }),
        before: fc.option(clusteredInstant, { nil: undefined }),
        userId: fc.option(fc.constantFrom(...USER_IDS), { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(messages, fc.subarray([...USER_IDS]), query, async (saved, disabled, q) => {
          const store = await storesWith(make, saved, disabled);
          const listed = await store.list(q);
          expect(listed.map(normalised)).toEqual(expectedHistory(saved, disabled, q).map(normalised));
        }),
        RUNS,
      );
    });

    it('hides and shows given ids, returning only those that exist', async () => {
      await fc.assert(
        fc.asyncProperty(messages, fc.array(asciiId, { maxLength: 6 }), instant, async (saved, extra, at) => {
          const store = await storesWith(make, saved);
          const ids = [...saved.filter((_, i) => i % 2 === 0).map((m) => m.id), ...extra];
          const existing = [...new Set(ids)].filter((id) => saved.some((m) => m.id === id));
          expect(sorted(await store.setHidden([...ids, ...ids], at))).toEqual(sorted(existing));
          for (const m of saved) expect((await store.getById(m.id))?.hiddenAt).toEqual(existing.includes(m.id) ? at : m.hiddenAt);
          expect(sorted(await store.setHidden(ids, null))).toEqual(sorted(existing));
          for (const id of existing) expect((await store.getById(id))?.hiddenAt).toBeNull();
        }),
        RUNS,
      );
    });

    it("hides a user's visible messages once, leaving earlier hides and other users alone", async () => {
      await fc.assert(
        fc.asyncProperty(messages, instant, async (saved, at) => {
          const store = await storesWith(make, saved);
          const visible = saved.filter((m) => m.userId === 'u1' && m.hiddenAt === null).map((m) => m.id);
          expect(sorted(await store.hideAllFromUser('u1', at))).toEqual(sorted(visible));
          expect(await store.hideAllFromUser('u1', at)).toEqual([]);
          for (const m of saved) expect((await store.getById(m.id))?.hiddenAt).toEqual(visible.includes(m.id) ? at : m.hiddenAt);
        }),
        RUNS,
      );
    });

    it("deletes all of a user's messages and nothing else", async () => {
      await fc.assert(
        fc.asyncProperty(messages, async (saved) => {
          const store = await storesWith(make, saved);
          const theirs = saved.filter((m) => m.userId === 'u2').length;
          expect(await store.deleteAllFromUser('u2')).toBe(theirs);
          expect(await store.deleteAllFromUser('u2')).toBe(0);
          expect(await store.count()).toBe(saved.length - theirs);
          expect(await store.list({ limit: 100, includeHidden: true, userId: 'u2' })).toEqual([]);
        }),
        RUNS,
      );
    });

    it('prunes old messages, then all but the newest, counting what it deleted', async () => {
      await fc.assert(
        fc.asyncProperty(messages, clusteredInstant, fc.integer({ min: 0, max: 8 }), async (saved, olderThan, keepLatest) => {
          const store = await storesWith(make, saved);
          const recent = [...saved].sort(history).filter((m) => m.timestamp.getTime() >= olderThan.getTime());
          const kept = recent.slice(Math.max(0, recent.length - keepLatest));
          expect(await store.prune({ olderThan, keepLatest })).toBe(saved.length - kept.length);
          expect(await store.count()).toBe(kept.length);
          expect((await store.list({ limit: 100, includeHidden: true })).map((m) => m.id)).toEqual(kept.map((m) => m.id));
        }),
        RUNS,
      );
    });
  });
}
