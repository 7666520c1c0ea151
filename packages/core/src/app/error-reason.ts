/**
 * An error as one line for a log: its name and message (and its cause's message), never the
 * whole object. SDK errors carry request details that have no place in a log.
 */
export function errorReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
