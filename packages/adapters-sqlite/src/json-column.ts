import type { z } from 'zod';

/** Which cell a JSON value was read from, so a corruption report points at the row. */
export interface JsonCell {
  readonly table: string;
  readonly column: string;
  /** the row's primary key */
  readonly row: string | number;
}

/**
 * Parses and validates a JSON text column. A cell that is not JSON, or not the expected shape,
 * throws here with the table, column and row named (and the parser's error as `cause`) instead
 * of surfacing later as an unrelated TypeError far from the database.
 */
export function parseJsonCell<T>(raw: string, schema: z.ZodType<T>, cell: JsonCell): T {
  const where = `${cell.table}.${cell.column} of row ${JSON.stringify(cell.row)}`;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new Error(`corrupt JSON in ${where}`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`unexpected JSON value in ${where}`, { cause: parsed.error });
  return parsed.data;
}
