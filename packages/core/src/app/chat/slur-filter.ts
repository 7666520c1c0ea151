import { decodeSlurWords } from './slur-words.ts';

// Common look-alike substitutions, so "h3llo" matches "hello".
const LOOK_ALIKES: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/**
 * Finds blocked words in chat messages: whole words only (so "grape" does not match "rape"),
 * ignoring case, accents, look-alike digits, repeated letters ("baaad" matches "bad") and plurals.
 */
export class SlurFilter {
  readonly #patterns: RegExp[];

  /** `words` defaults to the built-in list. */
  constructor(words: readonly string[] = decodeSlurWords()) {
    this.#patterns = words.map(normalize).filter((w) => w !== '').map((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(w)}(?:e?s|z)?($|[^\\p{L}\\p{N}])`, 'u'));
  }

  /** Whether the text contains a blocked word. */
  matches(text: string): boolean {
    const normalized = normalize(text);
    return this.#patterns.some((pattern) => pattern.test(normalized));
  }
}

function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[0-9@$]/g, (c) => LOOK_ALIKES[c] ?? c)
    .replace(/(\p{L})\1+/gu, '$1');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
