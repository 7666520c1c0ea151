import { NAME_ADJECTIVES, NAME_ANIMALS } from './username-words.ts';

/** Picks an index below `n` uniformly (web crypto, so names are not guessable in sequence). */
function randomIndex(n: number): number {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return value! % n;
}

/** A random pick from a non-empty list. */
export function pick<T>(items: readonly T[]): T {
  return items[randomIndex(items.length)]!;
}

/** An "AdjectiveAnimal" name (900 combinations), with a number once `attempt` > 0. */
export function generateUsername(attempt = 0): string {
  const base = `${pick(NAME_ADJECTIVES)}${pick(NAME_ANIMALS)}`;
  return attempt === 0 ? base : `${base}${1 + randomIndex(999)}`;
}
