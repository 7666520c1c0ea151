import type { z } from 'zod';

/** Human-readable lines for a zod error: `path: message`. */
export function zodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
}
