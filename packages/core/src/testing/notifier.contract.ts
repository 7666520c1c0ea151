import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_CHANNELS } from '../domain/integrations.ts';
import type { GoLiveNotice, Notifier } from '../ports/notifier.ts';
import { text } from './contract-arbitraries.ts';

/** The destinations a driver must set up: `working` ones that accept notices, `failing` ones that refuse them. */
export interface NotifierSetup {
  readonly working: number;
  readonly failing: number;
}

/** A notifier under test, wired to destinations the driver controls (a local webhook server, a fake push service). */
export interface NotifierDriver {
  readonly notifier: Notifier;
  /** How many notices the working destinations have received so far, all together. */
  deliveries(): Promise<number>;
}

/** Where notifiers legitimately differ. */
export interface NotifierCapabilities {
  /** The most destinations one notifier has (a Discord webhook: 1); default 3. */
  readonly maxDestinations?: number;
}

const notice: fc.Arbitrary<GoLiveNotice> = fc.record({
  serverName: text(24),
  serverUrl: fc.webUrl(),
  streamTitle: text(40),
  message: text(80),
  logoUrl: fc.webUrl(),
});

/** The `Notifier` contract. `make` builds a notifier with exactly the destinations asked for. */
export function describeNotifierContract(make: (setup: NotifierSetup) => NotifierDriver | Promise<NotifierDriver>, capabilities: NotifierCapabilities = {}): void {
  const max = capabilities.maxDestinations ?? 3;
  const setup = fc
    .record({ working: fc.integer({ min: 0, max }), failing: fc.integer({ min: 0, max }) })
    .filter(({ working, failing }) => working + failing <= max);

  describe('Notifier contract', () => {
    it('names a known channel', async () => {
      const { notifier } = await make({ working: 1, failing: 0 });
      expect(NOTIFICATION_CHANNELS).toContain(notifier.channel);
    });

    it('counts every destination as delivered or failed, delivering again on each call', async () => {
      await fc.assert(
        fc.asyncProperty(setup, notice, async ({ working, failing }, goLive) => {
          const driver = await make({ working, failing });
          expect(await driver.notifier.notifyGoLive(goLive)).toEqual({ delivered: working, failed: failing });
          expect(await driver.deliveries()).toBe(working);
          expect(await driver.notifier.notifyGoLive(goLive)).toEqual({ delivered: working, failed: failing });
          expect(await driver.deliveries()).toBe(2 * working);
        }),
        { numRuns: 15 },
      );
    });

    it('resolves, never rejects, when every destination fails or there are none', async () => {
      const goLive: GoLiveNotice = { serverName: 'hexcast', serverUrl: 'https://live.example', streamTitle: 'Live now', message: 'Come watch', logoUrl: 'https://live.example/logo' };
      for (const failing of [max, 0]) {
        const driver = await make({ working: 0, failing });
        await expect(driver.notifier.notifyGoLive(goLive)).resolves.toEqual({ delivered: 0, failed: failing });
        expect(await driver.deliveries()).toBe(0);
      }
    });
  });
}
