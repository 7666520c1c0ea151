import { constantTimeEqual } from '../domain/secrets.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';

const PREFIX = 'fake$';

/**
 * A `PasswordHasher` for tests: `fake$` + the password's UTF-8 bytes as hex. Instant (bcrypt is
 * deliberately slow) and readable in failures, but reversible: never use it outside tests.
 */
export class FakePasswordHasher implements PasswordHasher {
  /** How many times `hash` ran (tests check that defaults are hashed once). */
  hashCalls = 0;

  async hash(password: string): Promise<string> {
    this.hashCalls++;
    return PREFIX + toHex(password);
  }

  async verify(password: string, hash: string): Promise<boolean> {
    if (!hash.startsWith(PREFIX) || !/^(?:[0-9a-f]{2})*$/.test(hash.slice(PREFIX.length))) return false;
    return constantTimeEqual(PREFIX + toHex(password), hash);
  }
}

function toHex(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
