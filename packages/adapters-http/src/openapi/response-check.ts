import type { ResponseSpec, RouteSpec } from './route-spec.ts';

/**
 * Why a response does not match its route's documentation, or `undefined` when it does: the
 * status must be documented (`default` covers 5xx only), and the body must validate against the
 * zod schema documented for that status (JSON), be text, or have a documented media type.
 */
export async function responseMismatch(route: RouteSpec, response: Response): Promise<string | undefined> {
  const spec: ResponseSpec | undefined = route.responses[response.status] ?? (response.status === 401 && route.auth !== 'none' ? { description: '401', text: undefined } : undefined);
  if (spec === undefined) return `status ${response.status} is not documented (body: ${(await response.text()).slice(0, 200)})`;
  const contentType = response.headers.get('content-type') ?? '';
  if (spec.json) {
    if (!contentType.startsWith(spec.contentType ?? 'application/json')) return `expected JSON, got ${contentType}`;
    const parsed = spec.json.safeParse(await response.json());
    return parsed.success ? undefined : `body does not match the schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  }
  if (spec.text) return contentType.startsWith(spec.contentType ?? 'text/plain') ? undefined : `expected text, got ${contentType}`;
  if (spec.media) return spec.media.some((type) => contentType.startsWith(type)) ? undefined : `content type ${contentType} is not one of ${spec.media.join(', ')}`;
  return undefined;
}
