import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeChatSink } from '../../testing/fake-chat-sink.ts';
import { ClientOutbox } from './client-outbox.ts';

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function outbox(sink: FakeChatSink, limits = { maxPendingEvents: 4, maxBufferedBytes: 100 }) {
  let overflows = 0;
  const box = new ClientOutbox({ sink, limits, onOverflow: () => overflows++ });
  return { box, overflows: () => overflows };
}

describe('ClientOutbox', () => {
  it('sends events pushed in one turn as one frame', async () => {
    const sink = new FakeChatSink();
    const { box } = outbox(sink);
    box.push({ n: 1 });
    box.push({ n: 2 });
    await tick();
    box.push({ n: 3 });
    await tick();
    expect(sink.frames).toEqual(['{"n":1}\n{"n":2}', '{"n":3}']);
  });

  it('drops the client when too many events are pending or the transport is backed up', async () => {
    const sink = new FakeChatSink();
    const burst = outbox(sink);
    for (let n = 0; n < 5; n++) burst.box.push({ n });
    expect(burst.overflows()).toBe(1);
    expect(sink.closedWith?.code).toBe(1008);
    expect(sink.frames).toEqual([]);

    const stuck = new FakeChatSink({ draining: false });
    const slow = outbox(stuck);
    for (let n = 0; n < 20; n++) {
      slow.box.push({ padding: 'x'.repeat(40) });
      await tick();
    }
    expect(slow.overflows()).toBe(1);
    expect(stuck.bufferedAmount()).toBeLessThanOrEqual(100 + 60);
    expect(stuck.sendsAfterClose).toBe(0);
  });

  it('flushes pending events before closing, closes once and ignores later pushes', async () => {
    const sink = new FakeChatSink();
    const { box } = outbox(sink);
    box.push({ type: 'CHAT_DISABLED' });
    box.close(1008, 'bye');
    box.close(1000, 'again');
    box.push({ late: true });
    await tick();
    expect(sink.frames).toEqual(['{"type":"CHAT_DISABLED"}']);
    expect(sink.closeCalls).toBe(1);
  });

  it('treats a sink that throws as gone', async () => {
    const sink = new FakeChatSink();
    sink.send = () => {
      throw new Error('socket gone');
    };
    const { box, overflows } = outbox(sink);
    box.push({ n: 1 });
    await tick();
    expect(overflows()).toBe(1);
    expect(box.closed).toBe(true);
  });

  it('never holds more than the limit, whatever is pushed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.string({ maxLength: 50 })), { maxLength: 50 }), async (bursts) => {
        const sink = new FakeChatSink({ draining: false });
        const { box } = outbox(sink, { maxPendingEvents: 8, maxBufferedBytes: 500 });
        for (const [count, text] of bursts) {
          for (let i = 0; i < count; i++) box.push({ text });
          await tick();
        }
        expect(sink.sendsAfterClose).toBe(0);
        // At most one flush of ≤ 8 events of ≤ ~160 bytes each lands past the limit.
        expect(sink.bufferedAmount()).toBeLessThanOrEqual(500 + 8 * 170);
      }),
      { numRuns: 50 },
    );
  });
});
