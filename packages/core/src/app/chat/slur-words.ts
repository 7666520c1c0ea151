/**
 * The slur filter's built-in list: a few widely recognised slurs, ROT13-encoded so the source
 * stays readable without spelling them out. `decodeSlurWords` turns them back into words.
 */
export const ENCODED_SLUR_WORDS: readonly string[] = [
  'avttre',
  'avttn',
  'snttbg',
  'ergneq',
  'xvxr',
  'genaal',
  'jrgonpx',
];

/** ROT13 of the ASCII letters (its own inverse). */
export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

export function decodeSlurWords(): string[] {
  return ENCODED_SLUR_WORDS.map(rot13);
}
