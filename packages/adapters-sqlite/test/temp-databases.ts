import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, type SqliteDatabase } from '../src/index.ts';

/**
 * Database files in one temporary directory, for tests that want a real file. `closeAll()`
 * closes every database opened through `open()` so far (each holds three file descriptors);
 * `cleanup()` also removes the directory.
 */
export function createTempDatabases(prefix = 'hexcast-sqlite-'): {
  readonly dir: string;
  path(name?: string): string;
  open(path?: string): SqliteDatabase;
  closeAll(): void;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const opened: SqliteDatabase[] = [];
  let counter = 0;
  const path = (name = `db-${++counter}.sqlite`) => join(dir, name);
  return {
    dir,
    path,
    open(file = path()) {
      const database = openSqliteDatabase(file);
      opened.push(database);
      return database;
    },
    closeAll() {
      for (const database of opened.splice(0)) database.close();
    },
    cleanup() {
      this.closeAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
