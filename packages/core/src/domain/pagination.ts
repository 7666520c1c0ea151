import { z } from 'zod';

/** Offset pagination as Owncast's paginated endpoints take it (`?offset=&limit=`). */
export const PageRequestSchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageRequest = z.infer<typeof PageRequestSchema>;

/** A page of results and the total number of matching items. */
export interface Page<T> {
  readonly total: number;
  readonly results: readonly T[];
}
