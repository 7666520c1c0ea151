import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constantTimeEqual, matchesAnySecret } from './secrets.ts';

describe('constantTimeEqual', () => {
  it('agrees with === for any pair of strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => constantTimeEqual(a, b) === (a === b)));
    fc.assert(fc.property(fc.string(), (a) => constantTimeEqual(a, a)));
  });
  it('tells apart strings that share a prefix or differ only in length', () => {
    expect(constantTimeEqual('abc123', 'abc12')).toBe(false);
    expect(constantTimeEqual('abc123', 'abc124')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
  });
  it('matchesAnySecret finds a key among several', () => {
    expect(matchesAnySecret('b', ['a', 'b', 'c'])).toBe(true);
    expect(matchesAnySecret('d', ['a', 'b', 'c'])).toBe(false);
    expect(matchesAnySecret('a', [])).toBe(false);
  });
});
