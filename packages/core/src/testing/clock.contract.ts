import { describe, expect, it } from 'vitest';
import type { Clock } from '../ports/clock.ts';

/** A clock under test and the means to let time pass on it. */
export interface ClockDriver {
  readonly clock: Clock;
  /**
   * Lets `ms` pass and resolves after every timer due by then has run. A fake clock advances
   * itself; the real one waits on a timer set after the suite's own (the suite's waits are < 50 ms).
   */
  advance(ms: number): Promise<void>;
}

/** Where clocks legitimately differ. */
export interface ClockCapabilities {
  /**
   * How much sooner than asked a timer may seem to fire when measured with `now()` (default 0).
   * Real timers count from the event loop's cached time, which lags the wall clock a little.
   */
  readonly slackMs?: number;
}

/** The `Clock` contract. `make` returns a fresh clock with no timers set. */
export function describeClockContract(make: () => ClockDriver | Promise<ClockDriver>, capabilities: ClockCapabilities = {}): void {
  const slack = capabilities.slackMs ?? 0;
  const elapsed = (since: Date, clock: Clock) => clock.now().getTime() - since.getTime();

  describe('Clock contract', () => {
    it('reads the time as a fresh Date that moves forward with time', async () => {
      const { clock, advance } = await make();
      const before = clock.now().getTime();
      expect(Number.isNaN(before)).toBe(false);
      await advance(20);
      const reading = clock.now();
      expect(reading.getTime() - before).toBeGreaterThanOrEqual(20 - slack);
      // A caller changing the Date it was given must not move the clock.
      reading.setTime(0);
      expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(20 - slack);
    });

    it('runs a timeout once, never synchronously and no sooner than asked', async () => {
      const { clock, advance } = await make();
      const start = clock.now();
      const ranAfter: number[] = [];
      clock.setTimeout(() => ranAfter.push(elapsed(start, clock)), 20);
      let immediate = 0;
      clock.setTimeout(() => immediate++, 0);
      expect(ranAfter).toEqual([]);
      expect(immediate).toBe(0);
      await advance(10);
      expect(ranAfter).toEqual([]);
      expect(immediate).toBe(1);
      await advance(15);
      expect(ranAfter).toHaveLength(1);
      expect(ranAfter[0]).toBeGreaterThanOrEqual(20 - slack);
      await advance(30);
      expect(ranAfter).toHaveLength(1);
      expect(immediate).toBe(1);
    });

    it('never runs a cancelled timeout, leaves the others alone, and ignores repeated or late cancels', async () => {
      const { clock, advance } = await make();
      const ran: string[] = [];
      const cancel = clock.setTimeout(() => ran.push('cancelled'), 10);
      const cancelLater = clock.setTimeout(() => ran.push('kept'), 10);
      cancel();
      cancel();
      await advance(20);
      expect(ran).toEqual(['kept']);
      expect(() => cancelLater()).not.toThrow();
      cancelLater();
      await advance(20);
      expect(ran).toEqual(['kept']);
    });

    it('repeats an interval, never more often than asked, until stopped', async () => {
      const { clock, advance } = await make();
      const start = clock.now();
      const ticks: number[] = [];
      const stop = clock.setInterval(() => ticks.push(elapsed(start, clock)), 10);
      await advance(45);
      // Real timers may be late (never early), so a loaded machine can see fewer than four ticks.
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(4);
      expect(ticks[0]).toBeGreaterThanOrEqual(10 - slack);
      for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeGreaterThanOrEqual(10 - slack);
      stop();
      stop();
      const stoppedAt = ticks.length;
      await advance(30);
      expect(ticks).toHaveLength(stoppedAt);
    });

    it('runs timeouts in the order they fall due, equal ones in the order set', async () => {
      const { clock, advance } = await make();
      const order: string[] = [];
      clock.setTimeout(() => order.push('late'), 25);
      clock.setTimeout(() => order.push('first tie'), 10);
      clock.setTimeout(() => order.push('early'), 5);
      clock.setTimeout(() => order.push('second tie'), 10);
      await advance(35);
      expect(order).toEqual(['early', 'first tie', 'second tie', 'late']);
    });
  });
}
