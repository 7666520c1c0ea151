import { describe } from 'vitest';
import { systemClock } from '../ports/clock.ts';
import { describeClockContract } from './clock.contract.ts';

// The real clock against the same suite as FakeClock: time passes by really waiting (< 1 s in all).
describe('systemClock', () =>
  describeClockContract(() => ({ clock: systemClock, advance: (ms) => new Promise((resolve) => globalThis.setTimeout(resolve, ms)) }), {
    // Node counts timers from the event loop's cached time, a few ms behind Date.now() when busy.
    slackMs: 5,
  }));
