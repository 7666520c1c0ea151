import type { Context } from 'hono';
import type { z } from 'zod';
import { err, ok, zodIssues, type CommonError, type Result } from '@hexcast/core';

/** Largest JSON body any API route accepts (logos and emoji use their own, larger limits). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export interface ReadJsonBodyOptions {
  /** a larger limit for routes that take images (default `MAX_JSON_BODY_BYTES`) */
  readonly maxBytes?: number;
  /** an empty (or all-whitespace) body stands for this value instead of being malformed JSON */
  readonly emptyAs?: unknown;
}

/**
 * Reads and validates a JSON body. Malformed JSON, a wrong content length, or a body that does
 * not match the schema become `invalid-input` with a message that says what is wrong.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S, options: ReadJsonBodyOptions = {}): Promise<Result<z.infer<S>, CommonError>> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  let text: string | undefined;
  try {
    text = await readText(c.req.raw, maxBytes);
  } catch (cause) {
    return err({ kind: 'invalid-input', message: `could not read the request body: ${(cause as Error).message}` });
  }
  if (text === undefined) return err({ kind: 'invalid-input', message: `request body is larger than ${maxBytes} bytes` });
  let json: unknown;
  if (options.emptyAs !== undefined && text.trim() === '') {
    json = options.emptyAs;
  } else {
    try {
      json = JSON.parse(text);
    } catch (cause) {
      return err({ kind: 'invalid-input', message: `malformed JSON: ${(cause as Error).message}` });
    }
  }
  return validated(schema, json);
}

/**
 * The body as UTF-8 text, or `undefined` once it is larger than `maxBytes`: a declared length
 * is refused unread, and a chunked body is read only up to the limit, never buffered whole.
 */
async function readText(request: Request, maxBytes: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length')) > maxBytes) return undefined;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(chunk.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Validates the query string (`?offset=&limit=`…) like a body: `invalid-input` naming the bad parameters. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): Result<z.infer<S>, CommonError> {
  return validated(schema, c.req.query());
}

function validated<S extends z.ZodType>(schema: S, value: unknown): Result<z.infer<S>, CommonError> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return err({ kind: 'invalid-input', message: issues.join('; '), issues });
  }
  return ok(parsed.data);
}
