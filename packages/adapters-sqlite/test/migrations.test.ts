import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, SqliteSettingsRepository, type SqliteDatabase } from '../src/index.ts';
import { createTempDatabases } from './temp-databases.ts';

const journal = JSON.parse(readFileSync(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };

const TABLES = [
  'access_tokens',
  'chat_messages',
  'federated_activities',
  'followers',
  'ip_bans',
  'meta',
  'notifications',
  'settings',
  'stream_stats',
  'user_access_tokens',
  'users',
  'viewer_samples',
  'webhooks',
];

const tablesOf = (database: SqliteDatabase) =>
  (database.sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\' order by name`).all() as { name: string }[]).map((row) => row.name);
const appliedMigrations = (database: SqliteDatabase) => (database.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;

describe('openSqliteDatabase', () => {
  let temp: ReturnType<typeof createTempDatabases>;
  beforeEach(() => {
    temp = createTempDatabases();
  });
  afterEach(() => temp.cleanup());

  it('applies every committed migration to an empty file, creating missing directories', () => {
    const database = temp.open(join(temp.dir, 'nested', 'deeper', 'hexcast.db'));
    expect(tablesOf(database)).toEqual(TABLES);
    expect(appliedMigrations(database)).toBe(journal.entries.length);
  });

  it('is idempotent on reopen and keeps the data', async () => {
    const path = temp.path();
    const first = temp.open(path);
    await new SqliteSettingsRepository(first.db).markPopulated();
    first.close();
    const second = temp.open(path);
    expect(appliedMigrations(second)).toBe(journal.entries.length);
    expect(await new SqliteSettingsRepository(second.db).isPopulated()).toBe(true);
  });

  it('runs in WAL mode with synchronous NORMAL, foreign keys and a busy timeout', () => {
    const { sqlite } = temp.open();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('fails with a clear error when the file is not a database', () => {
    const path = temp.path('notes.txt');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(100));
    const error = captureError(() => openSqliteDatabase(path));
    expect(error.message).toBe(`cannot open SQLite database ${path}: file is not a database`);
    expect(error.cause).toMatchObject({ code: 'SQLITE_NOTADB' });
  });

  it('fails with a clear error when a migration cannot apply', () => {
    const path = temp.path();
    // A database some other program made, with a clashing table and no migration history.
    const foreign = new Database(path);
    foreign.exec('create table users (whatever text)');
    foreign.close();
    const error = captureError(() => openSqliteDatabase(path));
    expect(error.message).toMatch(new RegExp(`^cannot migrate SQLite database ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*users.* already exists`));
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('closes once, however often close() is called', () => {
    const database = openSqliteDatabase(':memory:');
    database.close();
    expect(() => database.close()).not.toThrow();
    expect(database.sqlite.open).toBe(false);
  });
});

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a thrown Error');
}
