import { describe, expect, it } from 'vitest';
import { SlurFilter } from './slur-filter.ts';
import { decodeSlurWords, ENCODED_SLUR_WORDS, rot13 } from './slur-words.ts';

describe('SlurFilter', () => {
  const filter = new SlurFilter(['bloop', 'zork']);

  it('matches whole words, ignoring case, accents, look-alikes, repeats and plurals', () => {
    for (const text of ['bloop', 'you BLOOP!', 'bl00p', 'blóóóp', 'two bloops', '(zork)', 'zorkz']) expect(filter.matches(text), text).toBe(true);
  });

  it('leaves other words alone', () => {
    for (const text of ['bloopers', 'kabloop', 'zorkish', 'hello', '']) expect(filter.matches(text), text).toBe(false);
  });

  it('ships a small built-in list, stored encoded and decoded to lower-case words', () => {
    const words = decodeSlurWords();
    expect(words.length).toBe(ENCODED_SLUR_WORDS.length);
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) expect(word).toMatch(/^[a-z]+$/);
    expect(new SlurFilter().matches(`well ${words[0]!.toUpperCase()}!`)).toBe(true);
    expect(rot13(rot13('Round Trip'))).toBe('Round Trip');
  });
});
