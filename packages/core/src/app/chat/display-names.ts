import { MAX_DISPLAY_NAME_LENGTH } from '../../domain/chat.ts';

// Control and format characters (zero-width, bidi overrides, BOM): invisible, or used to spoof names.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * A requested display name made usable: invisible characters removed, whitespace runs collapsed,
 * trimmed and cut to 30 characters (code points, so no half emoji). '' when nothing is left.
 * Names stay plain text; whoever puts them into HTML escapes them.
 */
export function normalizeDisplayName(input: string): string {
  const cleaned = input.replace(/\s+/g, ' ').replace(INVISIBLE, '').trim();
  return Array.from(cleaned).slice(0, MAX_DISPLAY_NAME_LENGTH).join('').trim();
}

/** Whether a name is one of the forbidden ones, ignoring case and surrounding spaces. */
export function isForbiddenName(name: string, forbidden: readonly string[]): boolean {
  const wanted = name.trim().toLowerCase();
  return forbidden.some((f) => f.trim().toLowerCase() === wanted);
}
