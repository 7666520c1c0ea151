/**
 * Expected outcomes are values, not exceptions. `E` is a discriminated union keyed by `kind`.
 * Broken invariants and infrastructure failures still throw (with `{ cause }`).
 */
export type Result<T, E extends { kind: string }> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E extends { kind: string }>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** The failure kinds shared by many use cases; adapters-http maps each to one status code. */
export type CommonError =
  | { kind: 'invalid-input'; message: string; issues?: readonly string[] }
  | { kind: 'not-found'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'rate-limited'; message: string; retryAfterMs: number }
  | { kind: 'unavailable'; message: string };
