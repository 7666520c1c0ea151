import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IngestServer } from '../ports/ingest-server.ts';
import { settledFlag } from './contract-arbitraries.ts';
import { IngestContractHandler } from './ingest-contract-handler.ts';

/** A broadcaster the driver connected. */
export interface IngestPublisher {
  /** Stops broadcasting and closes the connection cleanly, as an encoder does when the streamer stops. */
  leave(): Promise<void>;
  /** Resolves once the connection has ended, whoever ended it: the publisher, a refusal, `disconnect` or `stop`. */
  readonly exited: Promise<void>;
}

/** An ingest server under test and broadcasters to throw at it. */
export interface IngestServerDriver {
  /** Not started: each test starts it with its own handler. */
  readonly server: IngestServer;
  /**
   * Connects a broadcaster publishing on `streamKey` that sends some media (metadata and a
   * keyframe at least) and stays until it leaves or is dropped. Resolves once connected, before
   * the verdict; may reject when nothing listens (after `stop`).
   */
  publish(streamKey: string): Promise<IngestPublisher>;
  /** Ends the publishers still connected and stops the server, so the next `make()` may start one. */
  teardown(): Promise<void>;
}

const ACCEPTED = ['contract-key-a', 'contract-key-b'] as const;
const REFUSED = 'contract-wrong-key';
/** Real servers take a few ms per connection; a loaded CI machine more. */
const WAIT = { timeout: 10_000, interval: 10 };

/**
 * The `IngestServer` contract. `make` returns a fresh driver; the suite tears each one down after
 * its test, so servers that allow one instance per process (node-media-server) never overlap.
 */
export function describeIngestServerContract(make: () => IngestServerDriver | Promise<IngestServerDriver>): void {
  let driver: IngestServerDriver | undefined;

  async function startServer() {
    driver = await make();
    const handler = new IngestContractHandler(ACCEPTED);
    await driver.server.start(handler);
    const publish = driver.publish.bind(driver);
    /** Connects a broadcaster and waits until publishStarted has seen it. */
    async function goLive(streamKey: string) {
      const before = handler.started.length;
      const publisher = await publish(streamKey);
      await vi.waitFor(() => expect(handler.started).toHaveLength(before + 1), WAIT);
      return { publisher, sessionId: handler.started[before]! };
    }
    return { server: driver.server, handler, publish, goLive };
  }

  describe('IngestServer contract', { timeout: 30_000 }, () => {
    afterEach(async () => {
      await driver?.teardown();
      driver = undefined;
    });

    it('turns a refused key away before any media: publishStarted and publishEnded never run for it', async () => {
      const { handler, publish, goLive } = await startServer();
      const refused = await publish(REFUSED);
      await refused.exited;
      // An accepted publisher afterwards gives any late call about the refused one time to show.
      const { sessionId } = await goLive(ACCEPTED[0]);
      expect(handler.of('authorize').map(({ request, accepted }) => [request.streamKey, accepted])).toEqual([
        [REFUSED, false],
        [ACCEPTED[0], true],
      ]);
      expect(handler.started).toEqual([sessionId]);
      expect(handler.ended).toEqual([]);
    });

    it('starts an accepted publisher under the session it authorised, with media that yields bytes', async () => {
      const { handler, goLive } = await startServer();
      const { sessionId } = await goLive(ACCEPTED[0]);
      expect(sessionId).not.toBe('');
      expect(handler.of('authorize')).toEqual([expect.objectContaining({ accepted: true, request: expect.objectContaining({ sessionId, streamKey: ACCEPTED[0] }) })]);
      expect(handler.of('started')[0]?.remoteAddr).not.toBe('');
      await vi.waitFor(() => expect(handler.bytes(sessionId)).toBeGreaterThan(0), WAIT);
    });

    it('calls publishEnded once after the publisher leaves, and closes its media', async () => {
      const { server, handler, goLive } = await startServer();
      const { publisher, sessionId } = await goLive(ACCEPTED[0]);
      await publisher.leave();
      await publisher.exited;
      await vi.waitFor(() => expect(handler.ended).toEqual([sessionId]), WAIT);
      expect(await handler.mediaOutcome(sessionId)).toBe('closed');
      server.disconnect(sessionId);
      await server.stop();
      expect(handler.calls.filter((call) => call.type !== 'metadata').map((call) => call.type)).toEqual(['authorize', 'started', 'ended']);
    });

    it('disconnect(sessionId) drops that publisher only, and publishEnded follows once', async () => {
      const { server, handler, goLive } = await startServer();
      const first = await goLive(ACCEPTED[0]);
      const second = await goLive(ACCEPTED[1]);
      const secondExited = settledFlag(second.publisher.exited);
      server.disconnect(first.sessionId);
      await first.publisher.exited;
      await vi.waitFor(() => expect(handler.ended).toEqual([first.sessionId]), WAIT);
      await handler.mediaOutcome(first.sessionId);
      expect(secondExited()).toBe(false);
      server.disconnect(first.sessionId);
      await second.publisher.leave();
      await second.publisher.exited;
      await vi.waitFor(() => expect(handler.ended).toEqual([first.sessionId, second.sessionId]), WAIT);
      await server.stop();
      expect(handler.ended).toEqual([first.sessionId, second.sessionId]);
    });

    it('ignores disconnect for ids it does not know', async () => {
      const { server, handler, goLive } = await startServer();
      server.disconnect('no-such-session');
      const first = await goLive(ACCEPTED[0]);
      const firstExited = settledFlag(first.publisher.exited);
      for (const unknown of ['no-such-session', '', `${first.sessionId}x`]) server.disconnect(unknown);
      // A second publisher's round trip gives a wrongly dropped first one time to show.
      await goLive(ACCEPTED[1]);
      expect(firstExited()).toBe(false);
      expect(handler.ended).toEqual([]);
    });

    it('stop() drops everyone, has delivered each publishEnded when it resolves, is harmless to repeat and stops listening', async () => {
      const { server, handler, publish, goLive } = await startServer();
      const live = [await goLive(ACCEPTED[0]), await goLive(ACCEPTED[1])];
      const everyone = live.map(({ sessionId }) => sessionId).sort();
      // Each of two concurrent calls, not only the later one, waits for every publishEnded.
      for (const stopping of [server.stop(), server.stop()]) {
        await stopping;
        expect([...handler.ended].sort()).toEqual(everyone);
      }
      await Promise.all(live.map(({ publisher }) => publisher.exited));
      await Promise.all(live.map(({ sessionId }) => handler.mediaOutcome(sessionId)));
      await server.stop();
      const callsBefore = handler.calls.length;
      const late = await publish(ACCEPTED[0]).catch(() => undefined);
      await late?.exited;
      expect(handler.calls).toHaveLength(callsBefore);
      expect(handler.ended).toHaveLength(2);
    });
  });
}
