import type { Clock } from '../ports/clock.ts';

export interface AdminSessionsOptions {
  /** how long a session lasts from its creation (default 8 h, as Owncast) */
  readonly ttlMs?: number;
  /** sessions kept at most; the oldest go first (default 1,000) */
  readonly maxSessions?: number;
}

/**
 * Admin sessions: the cookie alternative to sending the password with every request. Tokens are
 * 32 random bytes in hex; only their SHA-256 is kept, so a lookup's timing says nothing about a
 * stored token. Sessions live in memory: a restart, or a password change, ends them all.
 */
export class AdminSessions {
  readonly #clock: Clock;
  readonly #ttl: number;
  readonly #max: number;
  readonly #expiries = new Map<string, number>();

  constructor(clock: Clock, options: AdminSessionsOptions = {}) {
    this.#clock = clock;
    this.#ttl = options.ttlMs ?? 8 * 60 * 60_000;
    this.#max = options.maxSessions ?? 1000;
  }

  /** The session lifetime, for the cookie's Max-Age. */
  get ttlMs(): number {
    return this.#ttl;
  }

  /** Starts a session and answers its token (shown once: only its hash is kept). */
  async create(): Promise<string> {
    const token = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
    this.#expiries.set(await digest(token), this.#clock.now().getTime() + this.#ttl);
    while (this.#expiries.size > this.#max) this.#expiries.delete(this.#expiries.keys().next().value!);
    return token;
  }

  /** Whether `token` names a live session; expired sessions are removed when seen. */
  async isValid(token: string): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(token)) return false;
    const key = await digest(token);
    const expiry = this.#expiries.get(key);
    if (expiry === undefined) return false;
    if (expiry <= this.#clock.now().getTime()) {
      this.#expiries.delete(key);
      return false;
    }
    return true;
  }

  /** Ends every session (the admin password changed). */
  clear(): void {
    this.#expiries.clear();
  }

  get size(): number {
    return this.#expiries.size;
  }
}

async function digest(token: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}
