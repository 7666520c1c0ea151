import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

/** The drizzle database every `Sqlite*Repository` takes. */
export type HexcastDatabase = BetterSQLite3Database;

/** Tuning for `openSqliteDatabase`; every field has a default. */
export interface OpenSqliteDatabaseOptions {
  /** How long a write waits for another connection's lock before failing. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** `NORMAL` (default) survives process crashes; `FULL` also power loss, at one fsync per commit (ADR 4). */
  readonly synchronous?: 'NORMAL' | 'FULL';
}

/** An open database: the drizzle instance, the raw better-sqlite3 handle, and `close()`. */
export interface SqliteDatabase {
  readonly db: HexcastDatabase;
  readonly sqlite: Database.Database;
  /** Closes the connection; SQLite checkpoints the WAL into the main file. Safe to call twice. */
  close(): void;
}

/** The committed drizzle-kit migrations, found relative to this file (works from any cwd). */
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Opens (creating if needed) the database at `path`, or a private in-memory one for
 * `':memory:'`, and brings its schema up to date with the committed migrations.
 *
 * Durability: WAL journal with `synchronous = NORMAL`. A transaction is in the WAL once it
 * commits, so it survives the process crashing or being killed (kill -9); only an OS crash or
 * power loss may lose the last commits (never corrupting the file). That is the trade the
 * settings port asks for, at a fraction of the cost of `FULL`'s fsync per commit.
 *
 * Throws an Error naming the path (with the SQLite error as `cause`) when the file is not a
 * database or a migration fails.
 */
export function openSqliteDatabase(path: string, options: OpenSqliteDatabaseOptions = {}): SqliteDatabase {
  const sqlite = openConnection(path);
  try {
    configure(sqlite, options.busyTimeoutMs ?? 5000, options.synchronous ?? 'NORMAL');
  } catch (error) {
    sqlite.close();
    throw new Error(`cannot open SQLite database ${path}: ${messageOf(error)}`, { cause: error });
  }
  const db = drizzle({ client: sqlite });
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    sqlite.close();
    throw new Error(`cannot migrate SQLite database ${path}: ${messageOf(error)}`, { cause: error });
  }
  return {
    db,
    sqlite,
    close() {
      if (sqlite.open) sqlite.close();
    },
  };
}

function openConnection(path: string): Database.Database {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    return new Database(path);
  } catch (error) {
    throw new Error(`cannot open SQLite database ${path}: ${messageOf(error)}`, { cause: error });
  }
}

function configure(sqlite: Database.Database, busyTimeoutMs: number, synchronous: 'NORMAL' | 'FULL'): void {
  // The first statement reads the header, so a file that is not a database fails here.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  // SQLite leaves foreign keys off by default; user tokens rely on ON DELETE CASCADE.
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
}

/** drizzle wraps driver errors as "Failed query: <the whole SQL>"; the innermost message says what broke. */
function messageOf(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
