import type { NotificationChannel, NotificationDestination, NotificationRepository } from '@hexcast/core';
import { and, asc, eq } from 'drizzle-orm';
import type { HexcastDatabase } from './open-database.ts';
import { notifications } from './schema.ts';

/** Go-live notification destinations, unique per (channel, destination). */
export class SqliteNotificationRepository implements NotificationRepository {
  readonly #db: HexcastDatabase;

  constructor(db: HexcastDatabase) {
    this.#db = db;
  }

  async add(destination: NotificationDestination): Promise<void> {
    // A repeated registration keeps the first one's position and date.
    this.#db.insert(notifications).values(destination).onConflictDoNothing().run();
  }

  async remove(channel: NotificationChannel, destination: string): Promise<boolean> {
    return this.#db
      .delete(notifications)
      .where(and(eq(notifications.channel, channel), eq(notifications.destination, destination)))
      .run().changes > 0;
  }

  async list(channel: NotificationChannel): Promise<NotificationDestination[]> {
    const rows = this.#db
      .select({ channel: notifications.channel, destination: notifications.destination, createdAt: notifications.createdAt })
      .from(notifications)
      .where(eq(notifications.channel, channel))
      .orderBy(asc(notifications.seq))
      .all();
    return rows.map((row) => ({ ...row, channel: row.channel as NotificationChannel }));
  }
}
