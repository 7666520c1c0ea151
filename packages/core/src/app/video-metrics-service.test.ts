import { describe, expect, it } from 'vitest';
import type { VideoMetricSeries } from '../domain/operations.ts';
import { FakeClock } from '../testing/fake-clock.ts';
import { MAX_PLAYBACK_CLIENTS_PER_WINDOW, VideoMetricsService } from './video-metrics-service.ts';

const context = { availableBitrates: [1200], segmentLength: 3, activeViewers: 4 };

describe('VideoMetricsService', () => {
  it('aggregates each minute: sums of errors and switches, lowest/median/highest of the latest measurement per client', () => {
    const clock = new FakeClock();
    const service = new VideoMetricsService({ clock });
    service.start();
    service.record('a', { errors: 1, qualityVariantChanges: 0, latency: 9, bandwidth: 800, downloadDuration: 0.5 });
    service.record('a', { errors: 2, qualityVariantChanges: 1, latency: 4 });
    service.record('b', { errors: 0, qualityVariantChanges: 1, latency: 6, bandwidth: 3000, downloadDuration: 1.5 });
    service.record('c', { errors: 0, qualityVariantChanges: 0, latency: 10 });
    clock.advance(60_000);
    const metrics = service.metrics(context);
    const values = (name: VideoMetricSeries) => metrics[name].map((p) => p.value);
    expect(values('errors')).toEqual([3]);
    expect(values('qualityVariantChanges')).toEqual([2]);
    expect([values('lowestLatency'), values('medianLatency'), values('highestLatency')]).toEqual([[4], [6], [10]]);
    expect([values('minPlayerBitrate'), values('medianPlayerBitrate'), values('maxPlayerBitrate')]).toEqual([[800], [1900], [3000]]);
    expect([values('minimumSegmentDownloadDuration'), values('medianSegmentDownloadDuration'), values('maximumSegmentDownloadDuration')]).toEqual([[0.5], [1], [1.5]]);
    expect(metrics.representation).toBe(75);
    expect(metrics.availableBitrates).toEqual([1200]);
    expect(metrics.segmentLength).toBe(3);
    expect(service.reportsTotal).toBe(4);

    clock.advance(60_000);
    const quiet = service.metrics(context);
    expect(quiet.errors).toHaveLength(1);
    expect(quiet.representation).toBe(0);
    service.stop();
  });

  it('bounds the clients of one window and the windows kept', () => {
    const clock = new FakeClock();
    const service = new VideoMetricsService({ clock, capacity: 2 });
    for (let i = 0; i < MAX_PLAYBACK_CLIENTS_PER_WINDOW + 10; i++) service.record(`client ${i}`, { errors: 1, qualityVariantChanges: 0 });
    expect(service.reportsTotal).toBe(MAX_PLAYBACK_CLIENTS_PER_WINDOW);
    service.closeWindow();
    expect(service.metrics(context).errors.map((p) => p.value)).toEqual([MAX_PLAYBACK_CLIENTS_PER_WINDOW]);
    for (let i = 0; i < 3; i++) {
      service.record('x', { errors: i, qualityVariantChanges: 0 });
      service.closeWindow();
    }
    expect(service.metrics({ ...context, activeViewers: 0 }).errors.map((p) => p.value)).toEqual([1, 2]);
  });

  it('judges health from the last minute: errors or slow segment downloads make a player struggle, and a busy CPU makes it unhealthy', () => {
    const clock = new FakeClock();
    const service = new VideoMetricsService({ clock });
    expect(service.healthOverview({ ...context, cpuPercent: 10 })).toBeUndefined();
    for (let i = 0; i < 9; i++) service.record(`ok ${i}`, { errors: 0, qualityVariantChanges: 0, downloadDuration: 1 });
    service.record('slow', { errors: 0, qualityVariantChanges: 0, downloadDuration: 3 });
    service.closeWindow();
    expect(service.healthOverview({ ...context, activeViewers: 20, cpuPercent: 10 })).toEqual({
      healthy: true,
      healthPercentage: 90,
      message: '1 of 10 players had errors or downloaded segments slower than real time in the last minute',
      representation: 50,
    });
    expect(service.healthOverview({ ...context, activeViewers: 20, cpuPercent: 97 })).toMatchObject({ healthy: false, message: expect.stringContaining("the server's CPU is 97% busy") as unknown });
    service.record('a', { errors: 2, qualityVariantChanges: 0 });
    service.record('b', { errors: 0, qualityVariantChanges: 0 });
    service.closeWindow();
    expect(service.healthOverview({ ...context, cpuPercent: undefined })).toMatchObject({ healthy: false, healthPercentage: 50 });
  });
});
