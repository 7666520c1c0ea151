import type { IpBan, IpBanRepository } from '@hexcast/core';
import { desc, eq, sql } from 'drizzle-orm';
import type { HexcastDatabase } from './open-database.ts';
import { ipBans } from './schema.ts';

/** Banned IP addresses, keyed by the address exactly as given. */
export class SqliteIpBanRepository implements IpBanRepository {
  readonly #db: HexcastDatabase;
  readonly #isBanned;

  constructor(db: HexcastDatabase) {
    this.#db = db;
    // Checked on every chat connect.
    this.#isBanned = db
      .select({ ipAddress: ipBans.ipAddress })
      .from(ipBans)
      .where(eq(ipBans.ipAddress, sql.placeholder('ipAddress')))
      .prepare();
  }

  async add(ban: IpBan): Promise<void> {
    this.#db
      .insert(ipBans)
      .values(ban)
      .onConflictDoUpdate({ target: ipBans.ipAddress, set: { notes: ban.notes, createdAt: ban.createdAt } })
      .run();
  }

  async remove(ipAddress: string): Promise<boolean> {
    return this.#db.delete(ipBans).where(eq(ipBans.ipAddress, ipAddress)).run().changes > 0;
  }

  async isBanned(ipAddress: string): Promise<boolean> {
    return this.#isBanned.get({ ipAddress }) !== undefined;
  }

  async list(): Promise<IpBan[]> {
    return this.#db
      .select()
      .from(ipBans)
      .orderBy(desc(ipBans.createdAt), desc(ipBans.ipAddress))
      .all();
  }
}
