import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock.ts';

describe('FakeClock', () => {
  it('starts at the given date and only moves when advanced', () => {
    const clock = new FakeClock(new Date('2030-05-06T07:08:09.010Z'));
    expect(clock.now().toISOString()).toBe('2030-05-06T07:08:09.010Z');
    clock.advance(1_500);
    expect(clock.now().toISOString()).toBe('2030-05-06T07:08:10.510Z');
  });

  it('fires due timeouts and intervals in time order, each seeing the time it was due', () => {
    const clock = new FakeClock(new Date(0));
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`timeout@${clock.now().getTime()}`), 250);
    clock.setInterval(() => fired.push(`interval@${clock.now().getTime()}`), 100);
    clock.setTimeout(() => fired.push(`late@${clock.now().getTime()}`), 1_000);
    clock.advance(300);
    expect(fired).toEqual(['interval@100', 'interval@200', 'timeout@250', 'interval@300']);
    expect(clock.now().getTime()).toBe(300);
  });

  it('runs timers scheduled by timers when they fall within the same advance', () => {
    const clock = new FakeClock(new Date(0));
    const fired: number[] = [];
    clock.setTimeout(() => clock.setTimeout(() => fired.push(clock.now().getTime()), 50), 50);
    clock.advance(100);
    expect(fired).toEqual([100]);
  });

  it('breaks ties by scheduling order and fires zero-delay timeouts on advance(0)', () => {
    const clock = new FakeClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('a'), 10);
    clock.setTimeout(() => fired.push('b'), 10);
    clock.setTimeout(() => fired.push('now'), 0);
    clock.advance(0);
    expect(fired).toEqual(['now']);
    clock.advance(10);
    expect(fired).toEqual(['now', 'a', 'b']);
  });

  it('cancels timeouts and stops intervals; cancelling twice or after firing is harmless', () => {
    const clock = new FakeClock();
    let ticks = 0;
    const stop = clock.setInterval(() => ticks++, 10);
    const cancel = clock.setTimeout(() => ticks += 100, 15);
    cancel();
    cancel();
    clock.advance(25);
    expect(ticks).toBe(2);
    stop();
    clock.advance(100);
    expect(ticks).toBe(2);
    expect(clock.pendingTimers).toBe(0);
    const fired = clock.setTimeout(() => undefined, 1);
    clock.advance(1);
    expect(() => fired()).not.toThrow();
  });

  it('set() moves the wall clock without running or shifting timers', () => {
    const clock = new FakeClock(new Date(0));
    let firedAt: number | undefined;
    clock.setTimeout(() => (firedAt = clock.now().getTime()), 100);
    clock.set(new Date(1_000_000));
    expect(clock.now().getTime()).toBe(1_000_000);
    expect(firedAt).toBeUndefined();
    clock.advance(100);
    expect(firedAt).toBe(1_000_100);
  });

  it('refuses to go backwards', () => {
    expect(() => new FakeClock().advance(-1)).toThrow(RangeError);
  });
});
