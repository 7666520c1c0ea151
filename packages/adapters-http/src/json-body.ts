import type { Context } from 'hono';
import type { z } from 'zod';
import { err, ok, zodIssues, type CommonError, type Result } from '@hexcast/core';

/** Largest JSON body any API route accepts (logos and emoji use their own, larger limits). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Reads and validates a JSON body. Malformed JSON, a wrong content length, or a body that does
 * not match the schema become `invalid-input` with a message that says what is wrong.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<Result<z.infer<S>, CommonError>> {
  let text: string;
  try {
    text = await c.req.text();
  } catch (cause) {
    return err({ kind: 'invalid-input', message: `could not read the request body: ${(cause as Error).message}` });
  }
  if (text.length > MAX_JSON_BODY_BYTES) return err({ kind: 'invalid-input', message: `request body is larger than ${MAX_JSON_BODY_BYTES} bytes` });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return err({ kind: 'invalid-input', message: `malformed JSON: ${(cause as Error).message}` });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return err({ kind: 'invalid-input', message: issues.join('; '), issues });
  }
  return ok(parsed.data);
}
