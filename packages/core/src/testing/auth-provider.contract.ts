import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuthProvider } from '../ports/auth-provider.ts';
import { asciiId, text } from './contract-arbitraries.ts';

/** A provider under test and a stand-in for the user (and the external site) finishing a flow. */
export interface AuthProviderDriver {
  readonly provider: AuthProvider;
  /** An account `begin` accepts: a profile URL for IndieAuth, `user@host` for the Fediverse. */
  readonly account: string;
  /**
   * Does what the user does with `begin`'s `next` (follows the redirect and approves, or reads
   * the code sent to them) and returns the proof `complete` expects.
   */
  proofFor(next: string): Promise<Record<string, string>> | Record<string, string>;
}

/** Tampers with every value, keeping the names, so the proof is well-formed but wrong. */
function tampered(proof: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(proof).map(([name, value]) => [name, `${value}x`]));
}

/** The `AuthProvider` contract. `make` returns a provider with no flow begun. */
export function describeAuthProviderContract(make: () => AuthProviderDriver | Promise<AuthProviderDriver>): void {
  async function begun(driver: AuthProviderDriver, userId: string): Promise<Record<string, string>> {
    const started = await driver.provider.begin(userId, driver.account);
    if (!started.ok) throw new Error(`begin failed: ${started.error.message}`);
    expect(started.value.next).not.toBe('');
    return await driver.proofFor(started.value.next);
  }

  describe('AuthProvider contract', () => {
    it('has a name', async () => {
      expect((await make()).provider.name.trim()).not.toBe('');
    });

    it('completes each flow with the user it began for and an identity under its name, whatever the order', async () => {
      const flows = fc.uniqueArray(asciiId, { minLength: 1, maxLength: 3 }).chain((users) => fc.tuple(fc.constant(users), fc.shuffledSubarray(users, { minLength: users.length })));
      await fc.assert(
        fc.asyncProperty(flows, async ([users, completionOrder]) => {
          const driver = await make();
          const proofs = new Map<string, Record<string, string>>();
          for (const userId of users) proofs.set(userId, await begun(driver, userId));
          for (const userId of completionOrder) {
            const completed = await driver.provider.complete(proofs.get(userId)!);
            expect(completed).toMatchObject({ ok: true, value: { userId, identity: { provider: driver.provider.name } } });
            if (completed.ok) expect(completed.value.identity.identity).not.toBe('');
          }
        }),
        { numRuns: 10 },
      );
    });

    it('accepts a proof once: a replay is an error result', async () => {
      const driver = await make();
      const proof = await begun(driver, 'user-1');
      expect((await driver.provider.complete(proof)).ok).toBe(true);
      const replayed = await driver.provider.complete(proof);
      expect(replayed.ok).toBe(false);
      if (!replayed.ok) expect(replayed.error.kind).toMatch(/^[a-z-]+$/);
    });

    it('answers a missing, tampered or made-up proof with an error result, never a throw', async () => {
      const driver = await make();
      const proof = await begun(driver, 'user-1');
      for (const wrong of [{}, tampered(proof)]) expect(await driver.provider.complete(wrong)).toMatchObject({ ok: false, error: { kind: expect.any(String) } });
      const madeUp = fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(proof)), text(8)), text(40), { maxKeys: 4 });
      await fc.assert(
        fc.asyncProperty(madeUp, async (wrong) => {
          expect((await driver.provider.complete(wrong)).ok).toBe(false);
        }),
        { numRuns: 50 },
      );
    });

    it('refuses an empty account with an error result', async () => {
      const { provider } = await make();
      expect((await provider.begin('user-1', '')).ok).toBe(false);
    });
  });
}
