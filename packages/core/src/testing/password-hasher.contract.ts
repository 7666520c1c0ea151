import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import { text } from './contract-arbitraries.ts';

/**
 * The `PasswordHasher` contract. Real hashers are slow on purpose, so the property makes few
 * runs, and wrong passwords differ at the start (bcrypt only reads the first 72 bytes).
 */
export function describePasswordHasherContract(make: () => Promise<PasswordHasher> | PasswordHasher): void {
  describe('PasswordHasher contract', () => {
    it('verifies the password hashed and nothing else', async () => {
      await fc.assert(
        fc.asyncProperty(text(12), async (password) => {
          const hasher = await make();
          const hash = await hasher.hash(password);
          expect(hash).not.toBe(password);
          expect(await hasher.verify(password, hash)).toBe(true);
          expect(await hasher.verify(`x${password}`, hash)).toBe(false);
        }),
        { numRuns: 5 },
      );
    });

    it('handles the default password and unicode', async () => {
      const hasher = await make();
      for (const password of ['abc123', 'pässwörd 🔑 密码']) {
        const hash = await hasher.hash(password);
        expect(await hasher.verify(password, hash)).toBe(true);
        expect(await hasher.verify(password.toUpperCase(), hash)).toBe(false);
      }
    });

    it('answers false, never throws, for malformed hashes', async () => {
      const hasher = await make();
      for (const hash of ['', 'abc123', '$2b$10$short', 'fake$zz', '\0']) expect(await hasher.verify('abc123', hash)).toBe(false);
    });
  });
}
