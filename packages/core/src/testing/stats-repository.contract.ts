import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_STREAM_STATS, type StreamStats, type ViewerSample } from '../domain/viewers.ts';
import type { StatsRepository } from '../ports/stats-repository.ts';
import { RUNS, clusteredInstant, instant } from './contract-arbitraries.ts';

const streamStats: fc.Arbitrary<StreamStats> = fc.record({
  overallPeakViewerCount: fc.nat({ max: 1_000_000 }),
  sessionPeakViewerCount: fc.nat({ max: 1_000_000 }),
  lastConnectTime: fc.option(instant, { nil: null }),
  lastDisconnectTime: fc.option(instant, { nil: null }),
});
/** Clustered times, so the same instant is sampled twice often. */
const sample: fc.Arbitrary<ViewerSample> = fc.record({ time: clusteredInstant, value: fc.nat({ max: 10_000 }) });

/** What the samples should be after adding `samples` in order: the last point at a time wins. */
function latestPerTime(samples: readonly ViewerSample[]): ViewerSample[] {
  const byTime = new Map<number, ViewerSample>();
  for (const s of samples) byTime.set(s.time.getTime(), s);
  return [...byTime.values()].sort((a, b) => a.time.getTime() - b.time.getTime());
}

/** The `StatsRepository` contract. `make` must return a fresh, empty store on every call. */
export function describeStatsRepositoryContract(make: () => Promise<StatsRepository> | StatsRepository): void {
  describe('StatsRepository contract', () => {
    it('starts with empty stream stats and no samples', async () => {
      const repo = await make();
      expect(await repo.getStreamStats()).toEqual(EMPTY_STREAM_STATS);
      expect(await repo.listViewerSamples(new Date(0), new Date(Date.UTC(2100, 0, 1)))).toEqual([]);
      expect(await repo.pruneViewerSamples(new Date(Date.UTC(2100, 0, 1)))).toBe(0);
    });

    it('reads back the last stream stats saved', async () => {
      await fc.assert(
        fc.asyncProperty(streamStats, streamStats, async (first, last) => {
          const repo = await make();
          await repo.saveStreamStats(first);
          expect(await repo.getStreamStats()).toEqual(first);
          await repo.saveStreamStats(last);
          await repo.saveStreamStats(last);
          expect(await repo.getStreamStats()).toEqual(last);
        }),
        RUNS,
      );
    });

    it('lists samples in an inclusive range, oldest first, a later point replacing one at the same time', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(sample, { maxLength: 12 }), clusteredInstant, clusteredInstant, async (samples, a, b) => {
          const repo = await make();
          for (const s of samples) await repo.addViewerSample(s);
          const [from, to] = a <= b ? [a, b] : [b, a];
          const expected = latestPerTime(samples).filter((s) => s.time >= from && s.time <= to);
          expect(await repo.listViewerSamples(from, to)).toEqual(expected);
        }),
        RUNS,
      );
    });

    it('prunes samples strictly older than the cut-off, counting them', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(sample, { maxLength: 12 }), clusteredInstant, async (samples, before) => {
          const repo = await make();
          for (const s of samples) await repo.addViewerSample(s);
          const all = latestPerTime(samples);
          const kept = all.filter((s) => s.time >= before);
          expect(await repo.pruneViewerSamples(before)).toBe(all.length - kept.length);
          expect(await repo.pruneViewerSamples(before)).toBe(0);
          expect(await repo.listViewerSamples(new Date(0), new Date(Date.UTC(2100, 0, 1)))).toEqual(kept);
        }),
        RUNS,
      );
    });
  });
}
