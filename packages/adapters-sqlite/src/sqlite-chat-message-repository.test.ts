import type { ChatMessage } from '@hexcast/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteRepositories } from './create-sqlite-repositories.ts';
import { openSqliteDatabase, type SqliteDatabase } from './open-database.ts';

const message = (id: string, fields: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  type: 'CHAT',
  userId: null,
  body: `<p>${id}</p>`,
  rawBody: id,
  timestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, Number(id.replace(/\D/g, '')) || 0)),
  hiddenAt: null,
  ...fields,
});

// Behaviour specific to the SQL implementation; the shared semantics are in the contract suite.
describe('SqliteChatMessageRepository', () => {
  let database: SqliteDatabase;
  const open = () => {
    database = openSqliteDatabase(':memory:');
    return createSqliteRepositories(database.db);
  };
  afterEach(() => database.close());

  it('hides messages of disabled users by joining the users table', async () => {
    const { users, chatMessages } = open();
    await users.create({ id: 'u', displayName: 'troll', displayColor: 0, createdAt: new Date(0) }, 'h');
    await chatMessages.save(message('m1', { userId: 'u' }));
    await chatMessages.save(message('m2', { userId: 'ghost' }));
    await chatMessages.save(message('m3'));
    await users.setDisabled('u', new Date(1), 'spam');
    expect((await chatMessages.list({ limit: 10 })).map((m) => m.id)).toEqual(['m2', 'm3']);
    expect((await chatMessages.list({ limit: 10, includeHidden: true })).map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('round-trips the optional fediverse fields, absent and null alike', async () => {
    const { chatMessages } = open();
    const withFields = message('m1', { type: 'FEDIVERSE_ENGAGEMENT_LIKE', image: 'https://x/a.png', link: null, title: 'T' });
    const without = message('m2');
    await chatMessages.save(withFields);
    await chatMessages.save(without);
    expect(await chatMessages.getById('m1')).toStrictEqual(withFields);
    expect(await chatMessages.getById('m2')).toStrictEqual(without);
  });

  it('prunes nothing by count when keepLatest is Infinity', async () => {
    const { chatMessages } = open();
    for (const id of ['m1', 'm2', 'm3']) await chatMessages.save(message(id));
    expect(await chatMessages.prune({ olderThan: new Date(0), keepLatest: Infinity })).toBe(0);
    expect(await chatMessages.prune({ olderThan: new Date(0), keepLatest: 1 })).toBe(2);
    expect(await chatMessages.count()).toBe(1);
  });

  it('hides many ids at once without hitting the bound-parameter limit', async () => {
    const { chatMessages } = open();
    await chatMessages.save(message('m1'));
    const ids = Array.from({ length: 40_000 }, (_, i) => `x${i}`).concat('m1');
    expect(await chatMessages.setHidden(ids, new Date(5))).toEqual(['m1']);
  });
});
