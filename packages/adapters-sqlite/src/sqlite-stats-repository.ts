import { EMPTY_STREAM_STATS, type StatsRepository, type StreamStats, type ViewerSample } from '@hexcast/core';
import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { HexcastDatabase } from './open-database.ts';
import { streamStats, viewerSamples } from './schema.ts';

/** The single `stream_stats` row's key. */
const STATS_ROW = 1;

/** Stream counters (one row) and the viewers-over-time series. */
export class SqliteStatsRepository implements StatsRepository {
  readonly #db: HexcastDatabase;

  constructor(db: HexcastDatabase) {
    this.#db = db;
  }

  async getStreamStats(): Promise<StreamStats> {
    const row = this.#db.select().from(streamStats).where(eq(streamStats.id, STATS_ROW)).get();
    if (row === undefined) return { ...EMPTY_STREAM_STATS };
    const { id: _id, ...stats } = row;
    return stats;
  }

  async saveStreamStats(stats: StreamStats): Promise<void> {
    const values = {
      overallPeakViewerCount: stats.overallPeakViewerCount,
      sessionPeakViewerCount: stats.sessionPeakViewerCount,
      lastConnectTime: stats.lastConnectTime,
      lastDisconnectTime: stats.lastDisconnectTime,
    };
    this.#db
      .insert(streamStats)
      .values({ id: STATS_ROW, ...values })
      .onConflictDoUpdate({ target: streamStats.id, set: values })
      .run();
  }

  async addViewerSample(sample: ViewerSample): Promise<void> {
    this.#db
      .insert(viewerSamples)
      .values(sample)
      .onConflictDoUpdate({ target: viewerSamples.time, set: { value: sql`excluded.value` } })
      .run();
  }

  async listViewerSamples(from: Date, to: Date): Promise<ViewerSample[]> {
    return this.#db
      .select()
      .from(viewerSamples)
      .where(and(gte(viewerSamples.time, from), lte(viewerSamples.time, to)))
      .orderBy(asc(viewerSamples.time))
      .all();
  }

  async pruneViewerSamples(before: Date): Promise<number> {
    return this.#db.delete(viewerSamples).where(lt(viewerSamples.time, before)).run().changes;
  }
}
