import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../ports/logger.ts';
import { RUNS, text } from './contract-arbitraries.ts';
import type { LogLevel } from './memory-logger.ts';

/** One line as the driver read it back. */
export interface LoggedEntry {
  readonly level: LogLevel;
  readonly message: string;
  /** The line's fields and the bindings of the logger that wrote it; adapters may add their own (time, pid). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A logger under test and a way to read what it wrote. */
export interface LoggerDriver {
  /** Must record every level: run adapters at their most verbose ('debug'). */
  readonly logger: Logger;
  /** Every line written so far by `logger` and its children, oldest first (flush first if buffered). */
  entries(): Promise<LoggedEntry[]>;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * Field names start with `f`: adapters redact secret names (password, token…) and reserve their
 * own (level, msg, time), so a contract about plain fields must avoid both.
 */
const fieldName = fc.stringMatching(/^f[A-Za-z0-9_]{0,7}$/);
const scalar = fc.oneof(text(12), fc.integer(), fc.boolean(), fc.constant(null));
const fieldValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fieldName, scalar, { maxKeys: 3, noNullPrototype: true }));
const fields = fc.dictionary(fieldName, fieldValue, { maxKeys: 4, noNullPrototype: true });
const call = fc.record({ level: fc.constantFrom(...LEVELS), message: text(24), fields });

/** The `Logger` contract. `make` returns a fresh logger that has written nothing. */
export function describeLoggerContract(make: () => LoggerDriver | Promise<LoggerDriver>): void {
  describe('Logger contract', () => {
    it('records every call at its level with its message and fields, in order', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 6 }), async (calls) => {
          const driver = await make();
          for (const { level, message, fields } of calls) driver.logger[level](fields, message);
          const entries = await driver.entries();
          expect(entries.map(({ level, message }) => ({ level, message }))).toEqual(calls.map(({ level, message }) => ({ level, message })));
          entries.forEach((entry, i) => expect(entry.fields).toEqual(expect.objectContaining(calls[i]!.fields)));
        }),
        RUNS,
      );
    });

    it("adds a child's bindings to every line of the child and its children, never to the parent's", async () => {
      const driver = await make();
      const parent = driver.logger;
      const child = parent.child({ fComponent: 'rtmp' });
      const grandchild = child.child({ fSession: 's1' });
      const sibling = parent.child({ fOther: true });
      parent.info({ fStep: 1 }, 'parent');
      grandchild.error({ fStep: 2 }, 'grandchild');
      child.debug({ fStep: 3 }, 'child');
      sibling.warn({ fStep: 4 }, 'sibling');
      parent.warn({ fStep: 5 }, 'parent again');
      const byMessage = new Map((await driver.entries()).map((entry) => [entry.message, entry.fields]));
      const bound = (message: string) => ['fComponent', 'fSession', 'fOther'].filter((name) => byMessage.get(message)?.[name] !== undefined);
      expect(bound('parent')).toEqual([]);
      expect(bound('grandchild')).toEqual(['fComponent', 'fSession']);
      expect(bound('child')).toEqual(['fComponent']);
      expect(bound('sibling')).toEqual(['fOther']);
      expect(bound('parent again')).toEqual([]);
      expect(byMessage.get('grandchild')).toEqual(expect.objectContaining({ fComponent: 'rtmp', fSession: 's1', fStep: 2 }));
      expect(byMessage.get('sibling')).toEqual(expect.objectContaining({ fOther: true, fStep: 4 }));
    });

    it('leaves the fields and bindings it is given unchanged, secret-looking names included', async () => {
      const driver = await make();
      const given = { fRequest: { authorization: 'Basic eDp5', fPath: '/api' }, password: 'hunter2', fList: [1, { token: 't' }] };
      const bindings = { fComponent: 'http', secret: 's' };
      const before = structuredClone({ given, bindings });
      const child = driver.logger.child(bindings);
      for (const level of LEVELS) {
        driver.logger[level](given, 'parent');
        child[level](given, 'child');
      }
      expect({ given, bindings }).toEqual(before);
      expect(await driver.entries()).toHaveLength(2 * LEVELS.length);
    });
  });
}
