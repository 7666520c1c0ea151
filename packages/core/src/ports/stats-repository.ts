import type { StreamStats, ViewerSample } from '../domain/viewers.ts';

/** Viewer statistics that outlive a restart. */
export interface StatsRepository {
  /** Zeros and nulls when nothing was saved yet. */
  getStreamStats(): Promise<StreamStats>;
  saveStreamStats(stats: StreamStats): Promise<void>;
  /** Adds a point; a point at the same time replaces the earlier one. */
  addViewerSample(sample: ViewerSample): Promise<void>;
  /** Points with `from <= time <= to`, oldest first. */
  listViewerSamples(from: Date, to: Date): Promise<ViewerSample[]>;
  /** Deletes points with `time < before`; returns how many. */
  pruneViewerSamples(before: Date): Promise<number>;
}
