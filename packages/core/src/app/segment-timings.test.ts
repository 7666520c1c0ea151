import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.ts';
import { SegmentTimings } from './segment-timings.ts';

describe('SegmentTimings', () => {
  it('counts stored and failed segments, their bytes, the interval of the first variant and the store time', async () => {
    const clock = new FakeClock();
    const timings = new SegmentTimings(clock);
    const written: string[] = [];
    let slow = false;
    const output = timings.wrap({
      write: async (path) => {
        if (path.includes('broken')) throw new Error('disk full');
        if (slow) clock.advance(250);
        written.push(path);
      },
    });
    expect(timings.figures).toEqual({ stored: 0, failed: 0, bytes: 0, lastIntervalSeconds: undefined, lastStoreSeconds: undefined });
    await output.write('0/stream-a.ts', new Uint8Array(100));
    await output.write('1/stream-a.ts', new Uint8Array(50));
    clock.advance(3000);
    slow = true;
    await output.write('0/stream-b.ts', new Uint8Array(100));
    clock.advance(1000);
    await output.write('1/stream-b.ts', new Uint8Array(50));
    await output.write('0/stream.m3u8', new Uint8Array(10));
    await expect(output.write('2/broken.ts', new Uint8Array(1))).rejects.toThrow('disk full');
    expect(written).toEqual(['0/stream-a.ts', '1/stream-a.ts', '0/stream-b.ts', '1/stream-b.ts', '0/stream.m3u8']);
    expect(timings.figures).toEqual({ stored: 4, failed: 1, bytes: 300, lastIntervalSeconds: 3, lastStoreSeconds: 0.25 });
  });
});
