import type { Page, PageRequest } from '../domain/pagination.ts';

// How the ports order, fold case and paginate: shared by the fakes and the contract suites' models.

/** A deep copy, so callers never hold a fake's internal objects (Dates and arrays included). */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** One page of an already ordered list, with the total of the whole list. */
export function pageOf<T>(items: readonly T[], page: PageRequest): Page<T> {
  return { total: items.length, results: items.slice(page.offset, page.offset + page.limit).map(copy) };
}

/** Orders by time, oldest first, and equal times by key (the chat history's order). */
export function oldestFirst<T>(time: (item: T) => Date, key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => time(a).getTime() - time(b).getTime() || compareStrings(key(a), key(b));
}

/** Exactly the reverse of `oldestFirst`: newest first, equal times by key descending. */
export function newestFirst<T>(time: (item: T) => Date, key: (item: T) => string): (a: T, b: T) => number {
  const forward = oldestFirst(time, key);
  return (a, b) => forward(b, a);
}

/** Code-unit order, as SQL's BINARY collation has it for the ASCII keys the ports use. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lower-cases A–Z only: the case folding the ports promise (SQLite's `lower()` does the same). */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
