import { count, desc, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { PageRequest } from '@hexcast/core';
import type { HexcastDatabase } from './open-database.ts';

/**
 * One page of a table, newest first: the ports' paginated lists all sort by a time column
 * descending with the key as tie-break, and report the total of every matching row.
 */
export function newestFirstPage<T extends SQLiteTable>(
  db: HexcastDatabase,
  table: T,
  options: { where: SQL | undefined; orderBy: readonly SQLiteColumn[]; page: PageRequest },
): { total: number; rows: T['$inferSelect'][] } {
  const [counted] = db.select({ total: count() }).from(table as SQLiteTable).where(options.where).all();
  const rows = db
    .select()
    .from(table as SQLiteTable)
    .where(options.where)
    .orderBy(...options.orderBy.map((column) => desc(column)))
    .limit(options.page.limit)
    .offset(options.page.offset)
    .all() as T['$inferSelect'][];
  return { total: counted?.total ?? 0, rows };
}
