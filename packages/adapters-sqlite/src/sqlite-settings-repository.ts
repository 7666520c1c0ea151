import type { Settings, SettingsRepository, SettingsSection } from '@hexcast/core';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { parseJsonCell } from './json-column.ts';
import type { HexcastDatabase } from './open-database.ts';
import { meta, settings } from './schema.ts';

const POPULATED_KEY = 'settings_populated';

/**
 * Settings sections as JSON rows. Each write is one autocommitted statement, durable once it
 * returns (see `openSqliteDatabase` for the WAL/synchronous trade-off). The stored JSON is only
 * checked to be JSON: shape validation and defaults belong to `SettingsService`.
 */
export class SqliteSettingsRepository implements SettingsRepository {
  readonly #read;
  readonly #write;
  readonly #isPopulated;
  readonly #markPopulated;

  constructor(db: HexcastDatabase) {
    this.#read = db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.section, sql.placeholder('section')))
      .prepare();
    this.#write = db
      .insert(settings)
      .values({ section: sql.placeholder('section'), value: sql.placeholder('value'), updatedAt: sql.placeholder('updatedAt') })
      .onConflictDoUpdate({ target: settings.section, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } })
      .prepare();
    this.#isPopulated = db
      .select({ key: meta.key })
      .from(meta)
      .where(eq(meta.key, POPULATED_KEY))
      .prepare();
    this.#markPopulated = db.insert(meta).values({ key: POPULATED_KEY, value: 'true' }).onConflictDoNothing().prepare();
  }

  async read<K extends SettingsSection>(section: K): Promise<Settings[K] | undefined> {
    const row = this.#read.get({ section });
    if (row === undefined) return undefined;
    return parseJsonCell(row.value, z.unknown(), { table: 'settings', column: 'value', row: section }) as Settings[K];
  }

  async write<K extends SettingsSection>(section: K, value: Settings[K]): Promise<void> {
    this.#write.run({ section, value: JSON.stringify(value), updatedAt: new Date() });
  }

  async isPopulated(): Promise<boolean> {
    return this.#isPopulated.get() !== undefined;
  }

  async markPopulated(): Promise<void> {
    this.#markPopulated.run();
  }
}
