import type { CommonError, Result } from '../domain/result.ts';

/** An external identity a chat user proved they own. */
export interface ExternalIdentity {
  /** the provider's friendly name, its `AuthProvider.name`: 'IndieAuth', 'Fediverse' */
  readonly provider: string;
  /** the proven identity: a profile URL or `user@host` */
  readonly identity: string;
  readonly displayName?: string;
}

/**
 * A sign-in method for chat users (IndieAuth, Fediverse one-time codes). A flow has two steps:
 * `begin` returns what the user must do next, `complete` checks the proof.
 */
export interface AuthProvider {
  readonly name: string;
  /** Starts a flow for a chat user; `next` is a redirect URL or a message to show. An unusable account is an err. */
  begin(userId: string, account: string): Promise<Result<{ next: string }, CommonError>>;
  /**
   * Checks the proof (callback parameters or a code) and returns the identity, with the `userId`
   * its flow began for. A flow's proof is accepted once; a wrong, reused or missing proof is an
   * err, never a throw.
   */
  complete(proof: Readonly<Record<string, string>>): Promise<Result<{ userId: string; identity: ExternalIdentity }, CommonError>>;
}
