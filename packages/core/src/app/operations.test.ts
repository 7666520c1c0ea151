import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.ts';
import { FakePasswordHasher } from '../testing/fake-password-hasher.ts';
import { FakeSystemMetrics } from '../testing/fake-system-metrics.ts';
import { InMemoryLogHistory } from '../testing/in-memory-log-history.ts';
import { inMemoryRepositories } from '../testing/in-memory-repositories.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { PlainTextRenderer } from '../testing/plain-text-renderer.ts';
import { createAppController } from './app-controller.ts';
import { HEALTH_CHECK_TIMEOUT_MS } from './operations.ts';

function setup() {
  const clock = new FakeClock();
  const repositories = inMemoryRepositories();
  const logHistory = new InMemoryLogHistory();
  const systemMetrics = new FakeSystemMetrics();
  const controller = createAppController({ repositories, hasher: new FakePasswordHasher(), renderer: new PlainTextRenderer(), logger: new MemoryLogger(), clock, logHistory, systemMetrics });
  return { clock, repositories, logHistory, systemMetrics, controller };
}

describe('operations through the AppController', () => {
  it('is healthy only while running with a database that answers', async () => {
    const { controller, repositories, clock } = setup();
    expect(await controller.checkHealth()).toEqual({ healthy: false, checks: { database: 'ok', core: 'starting' } });
    await controller.start();
    expect(await controller.checkHealth()).toEqual({ healthy: true, checks: { database: 'ok', core: 'ok' } });
    repositories.stats.getStreamStats = async () => Promise.reject(new Error('disk I/O error'));
    expect(await controller.checkHealth()).toEqual({ healthy: false, checks: { database: 'failing', core: 'ok' } });
    repositories.stats.getStreamStats = () => new Promise(() => undefined);
    const hanging = controller.checkHealth();
    clock.advance(HEALTH_CHECK_TIMEOUT_MS);
    expect(await hanging).toEqual({ healthy: false, checks: { database: 'failing', core: 'ok' } });
    await controller.stop();
    repositories.stats.getStreamStats = async () => ({ overallPeakViewerCount: 0, sessionPeakViewerCount: 0, lastConnectTime: null, lastDisconnectTime: null });
    expect((await controller.checkHealth()).checks.core).toBe('stopped');
  });

  it('serves logs, hardware samples, viewers, viewers over time and playback metrics', async () => {
    const { controller, clock, logHistory, repositories } = setup();
    await controller.start();
    logHistory.add({ time: clock.now(), level: 'info', message: 'started' });
    logHistory.add({ time: clock.now(), level: 'error', message: 'broke' });
    expect(controller.getLogs().map((l) => l.message)).toEqual(['started', 'broke']);
    expect(controller.getLogs('warn').map((l) => l.message)).toEqual(['broke']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(controller.getHardwareStats().cpu.map((p) => p.value)).toEqual([12.5]);

    controller.viewerSeen({ clientId: 'v1', ipAddress: '192.0.2.1', userAgent: 'player' });
    expect(controller.getActiveViewers().map((v) => v.clientId)).toEqual(['v1']);
    const old = new Date(clock.now().getTime() - 2 * 24 * 3600_000);
    await repositories.stats.addViewerSample({ time: old, value: 9 });
    await repositories.stats.addViewerSample({ time: clock.now(), value: 1 });
    expect((await controller.getViewersOverTime()).map((p) => p.value)).toEqual([1]);
    expect((await controller.getViewersOverTime(new Date(old.getTime() - 1))).map((p) => p.value)).toEqual([9, 1]);

    expect(controller.recordPlaybackMetrics('v1', { errors: 1, qualityVariantChanges: 0, latency: 5 }).ok).toBe(true);
    for (const bad of [null, {}, { errors: -1, qualityVariantChanges: 0 }, { errors: 'x', qualityVariantChanges: 0 }, { errors: 0, qualityVariantChanges: 0, latency: Number.POSITIVE_INFINITY }]) {
      const result = controller.recordPlaybackMetrics('v1', bad);
      expect(result.ok ? 'accepted' : result.error.kind).toBe('invalid-input');
    }
    clock.advance(60_000);
    const video = controller.getVideoMetrics();
    expect(video.medianLatency.map((p) => p.value)).toEqual([5]);
    expect(video.segmentLength).toBe(3);
    expect(video.representation).toBe(100);
    await controller.stop();
  });

  it('counts chat messages, streams and viewers for monitoring', async () => {
    const { controller } = setup();
    await controller.start();
    controller.events.publish({ type: 'chat', event: { type: 'CHAT', id: '1', timestamp: new Date().toISOString() } });
    controller.events.publish({ type: 'chat', event: { type: 'USER_JOINED', id: '2', timestamp: new Date().toISOString() } });
    const snapshot = controller.getOperationsSnapshot();
    expect(snapshot).toMatchObject({ streamOnline: false, chatMessagesTotal: 1, chatClients: 0, viewers: 0, outputVariants: 1, inboundVideoBitrateKbps: 0 });
    await controller.stop();
  });
});
