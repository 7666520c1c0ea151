import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isForbiddenName, normalizeDisplayName } from './display-names.ts';

describe('display names', () => {
  it('trims, collapses whitespace and removes invisible characters', () => {
    expect(normalizeDisplayName('  a \n\t b  ')).toBe('a b');
    expect(normalizeDisplayName('e\u200bv\u202eil\u0000')).toBe('evil');
    expect(normalizeDisplayName('\u200b')).toBe('');
  });

  it('never exceeds 30 code points nor splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (input) => {
        const name = normalizeDisplayName(input);
        expect(Array.from(name).length).toBeLessThanOrEqual(30);
        expect(name).toBe(name.trim());
        expect(name.isWellFormed()).toBe(true);
      }),
    );
  });

  it('compares forbidden names ignoring case and spaces', () => {
    expect(isForbiddenName('ADMIN', ['admin'])).toBe(true);
    expect(isForbiddenName('admin', [' Admin '])).toBe(true);
    expect(isForbiddenName('administrator', ['admin'])).toBe(false);
  });
});
