import bcrypt from 'bcryptjs';
import type { PasswordHasher } from '@hexcast/core';

/** bcrypt via bcryptjs (pure JS: no native build on any machine). */
export class BcryptPasswordHasher implements PasswordHasher {
  readonly #cost: number;

  /** `cost` 10 matches Owncast's hashes; tests may lower it (minimum 4) for speed. */
  constructor(options: { cost?: number } = {}) {
    this.#cost = options.cost ?? 10;
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.#cost);
  }

  async verify(password: string, hash: string): Promise<boolean> {
    if (!/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(hash)) return false;
    return bcrypt.compare(password, hash);
  }
}
