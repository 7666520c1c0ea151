import fc from 'fast-check';
import { expect } from 'vitest';
import type { Page, PageRequest } from '../domain/pagination.ts';
import { compareStrings } from './port-semantics.ts';

/**
 * Shared generators and checks for the contract suites. Sizes stay small because every run
 * builds a fresh store, and the suites also run against SQLite files.
 */
export const RUNS = { numRuns: 25 } as const;

/** Printable unicode (multi-code-point graphemes included, no lone surrogates or NULs). */
export const text = (maxLength = 16): fc.Arbitrary<string> => fc.string({ unit: 'grapheme', maxLength });

/** Ids as the core makes them: ASCII, so every store orders them the same way. */
export const asciiId: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

/** Any millisecond between 2000 and 2100. */
export const instant: fc.Arbitrary<Date> = fc.date({ min: new Date(MIN_TIME), max: new Date(MAX_TIME), noInvalidDate: true });

/** A handful of nearby instants, so generated lists have plenty of equal times to break ties on. */
export const clusteredInstant: fc.Arbitrary<Date> = fc.integer({ min: 0, max: 5 }).map((i) => new Date(Date.UTC(2024, 0, 1) + i * 1000 + 7));

/** `count` strictly increasing instants: creation order and time order agree. */
export function increasingInstants(count: number, start = Date.UTC(2024, 0, 1)): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(start + i * 1001));
}

/** A page size small enough that generated lists span several pages. */
export const pageLimit: fc.Arbitrary<number> = fc.integer({ min: 1, max: 4 });

/**
 * Reads every page with `limit` and checks they concatenate to `expected` with no duplicates,
 * each page reporting `total === expected.length`; then checks one page past the end is empty.
 */
export async function expectPaginates<T>(options: {
  read: (page: PageRequest) => Promise<Page<T>>;
  limit: number;
  expected: readonly T[];
  key: (item: T) => string;
}): Promise<void> {
  const { read, limit, expected, key } = options;
  const all: T[] = [];
  for (let offset = 0; offset < expected.length; offset += limit) {
    const page = await read({ offset, limit });
    expect(page.total).toBe(expected.length);
    expect(page.results.length).toBe(Math.min(limit, expected.length - offset));
    all.push(...page.results);
  }
  expect(new Set(all.map(key)).size).toBe(all.length);
  expect(all).toEqual(expected);
  const past = await read({ offset: expected.length, limit });
  expect(past.results).toEqual([]);
  expect(past.total).toBe(expected.length);
}

/** Sorted copy, for results the ports return "in no particular order". */
export function sorted(items: readonly string[]): string[] {
  return [...items].sort(compareStrings);
}

/** Whether `promise` has settled yet, read without waiting (to check something has not happened). */
export function settledFlag(promise: Promise<unknown>): () => boolean {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return () => settled;
}
