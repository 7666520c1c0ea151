import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '../domain/integrations.ts';
import type { NewWebhook, WebhookRepository } from '../ports/webhook-repository.ts';
import { RUNS, increasingInstants, instant, text } from './contract-arbitraries.ts';

const fields = fc.record({ url: fc.webUrl(), events: fc.shuffledSubarray([...WEBHOOK_EVENT_TYPES], { minLength: 1 }), secret: text(32) });

function hook(url: string, createdAt: Date): NewWebhook {
  return { url, events: ['CHAT', 'STREAM_STARTED'], secret: '', createdAt };
}

/** The `WebhookRepository` contract. `make` must return a fresh, empty store on every call. */
export function describeWebhookRepositoryContract(make: () => Promise<WebhookRepository> | WebhookRepository): void {
  describe('WebhookRepository contract', () => {
    it('creates webhooks with fresh positive integer ids, listed in creation order', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fields, { maxLength: 8 }), async (inputs) => {
          const repo = await make();
          const times = increasingInstants(inputs.length);
          const created = [];
          for (const [i, input] of inputs.entries()) {
            const webhook = await repo.create({ ...input, createdAt: times[i]! });
            expect(webhook).toEqual({ ...input, id: webhook.id, createdAt: times[i], lastUsed: null });
            expect(Number.isInteger(webhook.id) && webhook.id > 0).toBe(true);
            created.push(webhook);
          }
          expect(new Set(created.map((w) => w.id)).size).toBe(created.length);
          expect(await repo.list()).toEqual(created);
          for (const event of WEBHOOK_EVENT_TYPES) expect(await repo.listForEvent(event)).toEqual(created.filter((w) => w.events.includes(event)));
        }),
        RUNS,
      );
    });

    it('never reuses an id, even that of the newest webhook once deleted', async () => {
      const repo = await make();
      const [t1, t2, t3] = increasingInstants(3);
      const first = await repo.create(hook('https://a.example/hook', t1!));
      const second = await repo.create(hook('https://b.example/hook', t2!));
      expect(await repo.delete(second.id)).toBe(true);
      const third = await repo.create(hook('https://c.example/hook', t3!));
      expect([first.id, second.id]).not.toContain(third.id);
      expect((await repo.list()).map((w) => w.id)).toEqual([first.id, third.id]);
    });

    it('deletes once; deleting an unknown id is false', async () => {
      const repo = await make();
      const webhook = await repo.create(hook('https://a.example/hook', new Date(Date.UTC(2024, 0, 1))));
      expect(await repo.delete(webhook.id)).toBe(true);
      expect(await repo.delete(webhook.id)).toBe(false);
      expect(await repo.delete(9_999)).toBe(false);
      expect(await repo.list()).toEqual([]);
      expect(await repo.listForEvent('CHAT')).toEqual([]);
    });

    it('records the last delivery and ignores unknown ids', async () => {
      await fc.assert(
        fc.asyncProperty(instant, instant, async (first, last) => {
          const repo = await make();
          const webhook = await repo.create(hook('https://a.example/hook', new Date(Date.UTC(2024, 0, 1))));
          await repo.markUsed(webhook.id, first);
          await repo.markUsed(webhook.id, last);
          await repo.markUsed(webhook.id + 1, first);
          expect(await repo.list()).toEqual([{ ...webhook, lastUsed: last }]);
        }),
        RUNS,
      );
    });
  });
}
