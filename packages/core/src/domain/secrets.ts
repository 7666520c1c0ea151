/**
 * Compares two secrets in time that depends only on their lengths, never on where they differ.
 * (Web-standard code: core cannot use node:crypto's timingSafeEqual.)
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  const length = Math.max(left.length, right.length);
  let diff = left.length ^ right.length;
  for (let i = 0; i < length; i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return diff === 0;
}

/** Whether `candidate` equals any of `secrets`, checking all of them every time. */
export function matchesAnySecret(candidate: string, secrets: readonly string[]): boolean {
  let found = false;
  for (const secret of secrets) found = constantTimeEqual(candidate, secret) || found;
  return found;
}
