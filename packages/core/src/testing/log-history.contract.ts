import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG_LINE_LEVELS, isAtLeast, type LogLineLevel } from '../domain/operations.ts';
import type { LogHistory } from '../ports/log-history.ts';

/** A history and the way lines reach it (through a real logger, for adapters). */
export interface LogHistoryHarness {
  readonly history: LogHistory;
  write(level: LogLineLevel, message: string): void | Promise<void>;
}

export interface LogHistoryCapabilities {
  /** how many lines the history keeps (checked by overflowing it) */
  readonly capacity: number;
}

const level = fc.constantFrom(...LOG_LINE_LEVELS);
const message = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && !/[\n\r]/.test(s));

/** The `LogHistory` contract. */
export function describeLogHistoryContract(make: () => LogHistoryHarness | Promise<LogHistoryHarness>, capabilities: LogHistoryCapabilities): void {
  describe('LogHistory contract', () => {
    it('is empty before anything is logged', async () => {
      const { history } = await make();
      expect(history.recent()).toEqual([]);
      expect(history.recent('warn')).toEqual([]);
    });

    it('keeps lines in order with their level, message and time, and filters by minimum level', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(level, message), { minLength: 1, maxLength: 20 }), fc.constantFrom(...LOG_LINE_LEVELS), async (lines, minimum) => {
          const { history, write } = await make();
          const before = Date.now();
          for (const [lineLevel, text] of lines) await write(lineLevel, text);
          const recent = history.recent();
          expect(recent.map((l) => [l.level, l.message])).toEqual(lines);
          for (const line of recent) {
            expect(line.time).toBeInstanceOf(Date);
            expect(line.time.getTime()).toBeGreaterThanOrEqual(before - 1000);
          }
          expect(history.recent(minimum).map((l) => [l.level, l.message])).toEqual(lines.filter(([l]) => isAtLeast(l, minimum)));
        }),
        { numRuns: 25 },
      );
    });

    it('answers a fresh array each time', async () => {
      const { history, write } = await make();
      await write('info', 'one');
      history.recent().length = 0;
      expect(history.recent()).toHaveLength(1);
    });

    it(`keeps only the newest ${capabilities.capacity} lines`, async () => {
      const { history, write } = await make();
      const total = capabilities.capacity + 7;
      for (let i = 0; i < total; i++) await write(i % 2 === 0 ? 'info' : 'error', `line ${i}`);
      const recent = history.recent();
      expect(recent).toHaveLength(capabilities.capacity);
      expect(recent[0]!.message).toBe(`line ${total - capabilities.capacity}`);
      expect(recent.at(-1)!.message).toBe(`line ${total - 1}`);
    });
  });
}
