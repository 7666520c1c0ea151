import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.ts';
import { LoginThrottle } from './login-throttle.ts';

describe('LoginThrottle', () => {
  it('lets 5 failures through, then blocks for 1, 2, 4 … s up to the cap', () => {
    const clock = new FakeClock();
    const throttle = new LoginThrottle(clock, { maxDelayMs: 8000 });
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfterMs('a')).toBe(0);
      throttle.failed('a');
    }
    expect(throttle.retryAfterMs('a')).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      throttle.failed('a');
      waits.push(throttle.retryAfterMs('a'));
      clock.advance(waits.at(-1)!);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('forgets an address on success, and after an hour without failures', () => {
    const clock = new FakeClock();
    const throttle = new LoginThrottle(clock);
    for (let i = 0; i < 6; i++) throttle.failed('a');
    expect(throttle.retryAfterMs('a')).toBe(1000);
    throttle.succeeded('a');
    expect(throttle.retryAfterMs('a')).toBe(0);
    for (let i = 0; i < 5; i++) throttle.failed('b');
    clock.advance(60 * 60_000 + 1);
    throttle.failed('b');
    expect(throttle.retryAfterMs('b')).toBe(0);
  });

  it('remembers at most maxAddresses, whatever the addresses (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }), (addresses) => {
        const throttle = new LoginThrottle(new FakeClock(), { maxAddresses: 16, freeFailures: 0 });
        for (const address of addresses) throttle.failed(address);
        expect(throttle.size).toBeLessThanOrEqual(16);
        // the most recent failure is always remembered and blocked
        if (addresses.length > 0) expect(throttle.retryAfterMs(addresses.at(-1)!)).toBeGreaterThan(0);
      }),
    );
  });
});
