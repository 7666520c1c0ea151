import { err, ok, type CommonError, type Result } from '../domain/result.ts';
import type { AuthProvider, ExternalIdentity } from '../ports/auth-provider.ts';

interface PendingFlow {
  readonly userId: string;
  readonly account: string;
}

const APPROVE_URL = 'https://auth.invalid/approve';

/**
 * An `AuthProvider` whose "external site" is a URL carrying a one-time code: `begin` answers
 * `https://auth.invalid/approve?code=<code>`, and the proof is `{ code }`. The proven identity is
 * the account as given.
 */
export class FakeAuthProvider implements AuthProvider {
  readonly name: string;
  readonly #pending = new Map<string, PendingFlow>();

  constructor(name = 'Fake') {
    this.name = name;
  }

  /** What a user would send back after following `next`. */
  static proofFor(next: string): Record<string, string> {
    return { code: new URL(next).searchParams.get('code') ?? '' };
  }

  async begin(userId: string, account: string): Promise<Result<{ next: string }, CommonError>> {
    if (account.trim() === '') return err({ kind: 'invalid-input', message: 'an account is required' });
    const code = crypto.randomUUID();
    this.#pending.set(code, { userId, account });
    return ok({ next: `${APPROVE_URL}?code=${code}` });
  }

  async complete(proof: Readonly<Record<string, string>>): Promise<Result<{ userId: string; identity: ExternalIdentity }, CommonError>> {
    const code = Object.hasOwn(proof, 'code') ? proof['code'] : undefined;
    if (code === undefined) return err({ kind: 'invalid-input', message: 'the proof has no code' });
    const flow = this.#pending.get(code);
    if (flow === undefined) return err({ kind: 'unauthorized', message: 'unknown or already used code' });
    // One use only: a replayed callback must not sign anyone in again.
    this.#pending.delete(code);
    return ok({ userId: flow.userId, identity: { provider: this.name, identity: flow.account } });
  }
}
