import { describe, expect, it } from 'vitest';
import { FakeChatSink } from '../../testing/fake-chat-sink.ts';
import { ClientOutbox, DEFAULT_OUTBOX_LIMITS } from './client-outbox.ts';
import { OutboxFlusher } from './outbox-flusher.ts';
import { serializeEvent } from './serialized-event.ts';

/** Also keeps what was sent as it was given, to see which buffers are shared. */
class RawSink extends FakeChatSink {
  readonly raw: Array<string | Uint8Array> = [];
  override send(data: string | Uint8Array): void {
    this.raw.push(data);
    super.send(data);
  }
}

/** A scheduler the test runs by hand, standing in for a once-per-turn one such as `setImmediate`. */
function manualScheduler() {
  const queued: Array<() => void> = [];
  return { schedule: (flush: () => void) => void queued.push(flush), queued, run: () => queued.splice(0).forEach((flush) => flush()) };
}

describe('OutboxFlusher', () => {
  it('schedules one flush for a broadcast to many outboxes, and each socket gets one frame', () => {
    const scheduler = manualScheduler();
    const flusher = new OutboxFlusher(scheduler.schedule);
    const sinks = Array.from({ length: 100 }, () => new RawSink());
    const boxes = sinks.map((sink) => new ClientOutbox({ sink, limits: DEFAULT_OUTBOX_LIMITS, onOverflow: () => {}, flusher }));
    for (const n of [1, 2, 3]) {
      const shared = serializeEvent({ type: 'CHAT', n });
      for (const box of boxes) box.push(shared);
    }
    expect(scheduler.queued).toHaveLength(1);
    expect(sinks.every((sink) => sink.frames.length === 0)).toBe(true);
    scheduler.run();
    for (const sink of sinks) expect(sink.frames).toEqual(['{"type":"CHAT","n":1}\n{"type":"CHAT","n":2}\n{"type":"CHAT","n":3}']);
    // One joined buffer for all of them, not one per socket.
    expect(new Set(sinks.map((sink) => sink.raw[0])).size).toBe(1);
    expect(sinks[0]!.raw[0]).toBeInstanceOf(Uint8Array);
    // The next event schedules anew.
    boxes[0]!.push({ type: 'CHAT', n: 4 });
    expect(scheduler.queued).toHaveLength(1);
    scheduler.run();
    expect(sinks[0]!.frames.at(-1)).toBe('{"type":"CHAT","n":4}');
    expect(sinks[1]!.frames).toHaveLength(1);
  });

  it('leaves an outbox closed (or flushed early) before the flush alone', () => {
    const scheduler = manualScheduler();
    const flusher = new OutboxFlusher(scheduler.schedule);
    const [early, closed, later] = [new FakeChatSink(), new FakeChatSink(), new FakeChatSink()];
    const boxes = [early, closed, later].map((sink) => new ClientOutbox({ sink, limits: DEFAULT_OUTBOX_LIMITS, onOverflow: () => {}, flusher }));
    for (const box of boxes) box.push({ type: 'CHAT' });
    boxes[0]!.flush();
    boxes[1]!.close(1008, 'bye');
    scheduler.run();
    expect([early.frames, closed.frames, later.frames]).toEqual([['{"type":"CHAT"}'], ['{"type":"CHAT"}'], ['{"type":"CHAT"}']]);
    expect(closed.sendsAfterClose).toBe(0);
  });

  it('defaults to a microtask', async () => {
    const sink = new FakeChatSink();
    const box = new ClientOutbox({ sink, limits: DEFAULT_OUTBOX_LIMITS, onOverflow: () => {}, flusher: new OutboxFlusher() });
    box.push({ n: 1 });
    expect(sink.frames).toEqual([]);
    await Promise.resolve();
    expect(sink.frames).toEqual(['{"n":1}']);
  });
});
