import { EMPTY_STREAM_STATS, type StreamStats, type ViewerSample } from '../domain/viewers.ts';
import type { StatsRepository } from '../ports/stats-repository.ts';
import { copy } from './port-semantics.ts';

/** `StatsRepository` in memory: one stats record and samples keyed by their time in ms. */
export class InMemoryStatsRepository implements StatsRepository {
  #stats: StreamStats = EMPTY_STREAM_STATS;
  readonly #samples = new Map<number, ViewerSample>();

  async getStreamStats(): Promise<StreamStats> {
    return copy(this.#stats);
  }

  async saveStreamStats(stats: StreamStats): Promise<void> {
    this.#stats = copy(stats);
  }

  async addViewerSample(sample: ViewerSample): Promise<void> {
    this.#samples.set(sample.time.getTime(), copy(sample));
  }

  async listViewerSamples(from: Date, to: Date): Promise<ViewerSample[]> {
    return [...this.#samples.entries()]
      .filter(([time]) => time >= from.getTime() && time <= to.getTime())
      .sort(([a], [b]) => a - b)
      .map(([, sample]) => copy(sample));
  }

  async pruneViewerSamples(before: Date): Promise<number> {
    let deleted = 0;
    for (const time of [...this.#samples.keys()]) if (time < before.getTime() && this.#samples.delete(time)) deleted++;
    return deleted;
  }
}
