const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

// Made once: building an Intl formatter is the costly part, and tables and the chat log format many times per render.
const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "3 hours ago", "just now": how long ago `iso` was, in the browser's language. */
export function timeAgo(iso: string, now = Date.now()): string {
  const elapsed = now - new Date(iso).getTime();
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return RELATIVE.format(-Math.floor(elapsed / ms), unit);
  }
  return 'just now';
}

/** A chat timestamp as the local clock time, e.g. "14:05"; empty for a timestamp that is not a date. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : CLOCK.format(date);
}
