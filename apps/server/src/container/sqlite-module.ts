import { ContainerModule } from 'inversify';
import { createSqliteRepositories, openSqliteDatabase, type SqliteDatabase } from '@hexcast/adapters-sqlite';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** The embedded SQLite database and every repository on it. */
export const sqliteModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Database)
    .toResolvedValue((config: ServerConfig) => openSqliteDatabase(config.database), [TOKENS.Config])
    .inSingletonScope();
  bind(TOKENS.Repositories)
    .toResolvedValue((handle: SqliteDatabase) => createSqliteRepositories(handle.db), [TOKENS.Database])
    .inSingletonScope();
});
