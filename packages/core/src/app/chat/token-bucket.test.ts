import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows a burst of capacity, then refills at capacity per period', () => {
    const bucket = new TokenBucket({ capacity: 3, perMs: 2000, now: 0 });
    expect([1, 2, 3, 4].map(() => bucket.take(0))).toEqual([true, true, true, false]);
    expect(bucket.take(666)).toBe(false);
    expect(bucket.take(667)).toBe(true);
    expect(bucket.take(10_000)).toBe(true);
  });

  it('never allows more than capacity + elapsed × rate, whatever the timing (clock jumps back included)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 3000 }), { maxLength: 200 }), (steps) => {
        const bucket = new TokenBucket({ capacity: 3, perMs: 2000, now: 0 });
        let now = 0;
        let furthest = 0;
        let taken = 0;
        for (const step of steps) {
          now += step;
          furthest = Math.max(furthest, now);
          if (bucket.take(now)) taken++;
        }
        return taken <= 3 + Math.floor((furthest * 3) / 2000);
      }),
    );
  });
});
