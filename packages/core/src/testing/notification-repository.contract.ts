import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationDestination } from '../domain/integrations.ts';
import type { NotificationRepository } from '../ports/notification-repository.ts';
import { RUNS, increasingInstants, text } from './contract-arbitraries.ts';

type Operation = { add: boolean; channel: NotificationChannel; destination: string };

/** Few distinct destinations, so operations often repeat and undo each other. */
const operation: fc.Arbitrary<Operation> = fc.record({
  add: fc.boolean(),
  channel: fc.constantFrom(...NOTIFICATION_CHANNELS),
  destination: fc.constantFrom('{"endpoint":"https://push.example/1"}', 'https://discord.example/api/webhooks/2', 'ünïcødé ✓'),
});

/** The `NotificationRepository` contract. `make` must return a fresh, empty store on every call. */
export function describeNotificationRepositoryContract(make: () => Promise<NotificationRepository> | NotificationRepository): void {
  describe('NotificationRepository contract', () => {
    it('behaves like a per-channel list in registration order where re-adding is a no-op', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { maxLength: 14 }), async (operations) => {
          const repo = await make();
          const times = increasingInstants(operations.length);
          let model: NotificationDestination[] = [];
          for (const [i, { add, channel, destination }] of operations.entries()) {
            const present = model.some((d) => d.channel === channel && d.destination === destination);
            if (add) {
              await repo.add({ channel, destination, createdAt: times[i]! });
              if (!present) model.push({ channel, destination, createdAt: times[i]! });
            } else {
              expect(await repo.remove(channel, destination)).toBe(present);
              model = model.filter((d) => d.channel !== channel || d.destination !== destination);
            }
          }
          for (const channel of NOTIFICATION_CHANNELS) expect(await repo.list(channel)).toEqual(model.filter((d) => d.channel === channel));
        }),
        RUNS,
      );
    });

    it('round-trips any destination text', async () => {
      await fc.assert(
        fc.asyncProperty(text(200), async (destination) => {
          const repo = await make();
          const registered = { channel: 'DISCORD' as const, destination, createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 123)) };
          await repo.add(registered);
          expect(await repo.list('DISCORD')).toEqual([registered]);
          expect(await repo.list('BROWSER_PUSH_NOTIFICATION')).toEqual([]);
        }),
        RUNS,
      );
    });

    it('removing a destination that was never registered is false', async () => {
      const repo = await make();
      await repo.add({ channel: 'DISCORD', destination: 'x', createdAt: new Date(Date.UTC(2024, 0, 1)) });
      expect(await repo.remove('BROWSER_PUSH_NOTIFICATION', 'x')).toBe(false);
      expect(await repo.remove('DISCORD', 'y')).toBe(false);
      expect(await repo.list('DISCORD')).toHaveLength(1);
    });
  });
}
