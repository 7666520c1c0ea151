import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, type SqliteDatabase } from './open-database.ts';
import { SqliteUserRepository } from './sqlite-user-repository.ts';

// Behaviour specific to the SQL implementation; the shared semantics are in the contract suite.
describe('SqliteUserRepository', () => {
  let database: SqliteDatabase;
  const open = () => {
    database = openSqliteDatabase(':memory:');
    return new SqliteUserRepository(database.db);
  };
  const newUser = (id: string, displayName: string, createdAt = new Date(Date.UTC(2024, 0, 1))) => ({ id, displayName, displayColor: 1, createdAt });
  afterEach(() => database.close());

  it('treats % and _ in a search as plain characters, not LIKE wildcards', async () => {
    const users = open();
    await users.create(newUser('a', 'Percent%Sign'), 'ha');
    await users.create(newUser('b', 'under_score'), 'hb');
    await users.create(newUser('c', 'plain'), 'hc');
    const search = async (text: string) => (await users.list({ offset: 0, limit: 10, search: text })).results.map((u) => u.id);
    expect(await search('%')).toEqual(['a']);
    expect(await search('_')).toEqual(['b']);
    expect(await search('T%s')).toEqual(['a']);
  });

  it('folds ASCII case only, like the port says', async () => {
    const users = open();
    await users.create(newUser('a', 'Émile'), 'ha');
    expect(await users.findIdsByDisplayName('émile')).toEqual([]);
    expect(await users.findIdsByDisplayName('ÉMILE')).toEqual(['a']);
    expect((await users.list({ offset: 0, limit: 10, search: 'MIL' })).total).toBe(1);
  });

  it('leaves no user behind when the token hash is taken', async () => {
    const users = open();
    await users.create(newUser('a', 'one'), 'same');
    await expect(users.create(newUser('b', 'two'), 'same')).rejects.toThrow();
    expect(await users.getById('b')).toBeUndefined();
  });

  it('deletes the tokens with the user (ON DELETE CASCADE)', async () => {
    const users = open();
    await users.create(newUser('a', 'one'), 'ha');
    await users.delete('a');
    expect(database.sqlite.prepare('select count(*) as n from user_access_tokens').get()).toEqual({ n: 0 });
  });

  it('reports a corrupt JSON cell with the table, column and row', async () => {
    const users = open();
    await users.create(newUser('a', 'one'), 'ha');
    database.sqlite.prepare(`update users set scopes = '["MODERATOR"' where id = 'a'`).run();
    await expect(users.getById('a')).rejects.toThrow('corrupt JSON in users.scopes of row "a"');
    database.sqlite.prepare(`update users set scopes = '["NOT_A_SCOPE"]' where id = 'a'`).run();
    await expect(users.getById('a')).rejects.toThrow('unexpected JSON value in users.scopes of row "a"');
  });
});
