import { describe, expect, it } from 'vitest';
import { EMPTY_STREAM_STATS, VIEWER_ACTIVITY_WINDOW_MS } from '../domain/viewers.ts';
import { FakeClock } from '../testing/fake-clock.ts';
import { InMemoryStatsRepository } from '../testing/in-memory-stats-repository.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { EventBus } from './event-bus.ts';
import { StatsService } from './stats-service.ts';

async function setup(repository = new InMemoryStatsRepository()) {
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const events = new EventBus(logger);
  const counts: number[] = [];
  events.on('viewer-count-changed', (event) => void counts.push(event.count));
  const stats = new StatsService({ repository, events, clock, logger });
  await stats.load();
  stats.start();
  const see = (clientId: string) => stats.viewerSeen({ clientId, ipAddress: '198.51.100.1', userAgent: 'test' });
  return { clock, stats, repository, counts, see };
}

describe('StatsService', () => {
  it('counts a viewer once however often it is seen', async () => {
    const { stats, see, counts } = await setup();
    see('a');
    see('a');
    see('b');
    see('a');
    expect(stats.viewerCount).toBe(2);
    expect(stats.viewers.map((v) => v.clientId)).toEqual(['a', 'b']);
    expect(counts).toEqual([1, 2]);
  });

  it('forgets viewers idle for longer than a minute, keeping those still active', async () => {
    const { stats, see, clock, counts } = await setup();
    see('idle');
    see('active');
    clock.advance(40_000);
    see('active');
    clock.advance(VIEWER_ACTIVITY_WINDOW_MS - 40_000);
    // Exactly one window old is still active.
    expect(stats.viewerCount).toBe(2);
    clock.advance(5_000);
    expect(stats.viewers.map((v) => v.clientId)).toEqual(['active']);
    clock.advance(60_000);
    expect(stats.viewerCount).toBe(0);
    expect(counts).toEqual([1, 2, 1, 0]);
  });

  it('raises the peaks only while online, and persists them', async () => {
    const { stats, see, clock, repository } = await setup();
    see('early');
    see('earlier');
    expect(stats.streamStats).toEqual(EMPTY_STREAM_STATS);
    await stats.streamStarted(clock.now());
    expect(stats.streamStats).toMatchObject({ sessionPeakViewerCount: 2, overallPeakViewerCount: 2, lastConnectTime: clock.now() });
    see('c');
    see('d');
    clock.advance(70_000);
    see('e');
    expect(stats.viewerCount).toBe(1);
    expect(stats.streamStats).toMatchObject({ sessionPeakViewerCount: 4, overallPeakViewerCount: 4 });
    await stats.streamStopped(clock.now());
    for (const id of ['f', 'g', 'h', 'i', 'j']) see(id);
    expect(stats.streamStats).toMatchObject({ sessionPeakViewerCount: 4, overallPeakViewerCount: 4, lastDisconnectTime: clock.now() });
    expect(await repository.getStreamStats()).toEqual(stats.streamStats);

    // A restart reads the peaks back; a new session starts its own peak from the current count.
    const restarted = await setup(repository);
    expect(restarted.stats.streamStats).toEqual(stats.streamStats);
    restarted.see('z');
    await restarted.stats.streamStarted(restarted.clock.now());
    expect(restarted.stats.streamStats).toMatchObject({ sessionPeakViewerCount: 1, overallPeakViewerCount: 4 });
  });

  it('records a viewer sample every minute and stops its timers on stop()', async () => {
    const { stats, see, clock, repository } = await setup();
    await stats.streamStarted(clock.now());
    see('a');
    const start = clock.now();
    clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await repository.listViewerSamples(start, clock.now())).toEqual([{ time: clock.now(), value: 1 }]);
    stats.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
