import { describe, expect, it } from 'vitest';
import { describePasswordHasherContract } from '@hexcast/core/testing';
import { BcryptPasswordHasher } from './bcrypt-password-hasher.ts';

describePasswordHasherContract(() => new BcryptPasswordHasher({ cost: 4 }));

describe('BcryptPasswordHasher', () => {
  it('produces standard bcrypt hashes that carry the cost', async () => {
    const hash = await new BcryptPasswordHasher({ cost: 5 }).hash('abc123');
    expect(hash).toMatch(/^\$2[aby]\$05\$[./A-Za-z0-9]{53}$/);
  });
  it('verifies hashes made elsewhere with the default cost 10 (as Owncast stores them)', async () => {
    const hasher = new BcryptPasswordHasher();
    const hash = await hasher.hash('abc123');
    expect(hash.startsWith('$2b$10$')).toBe(true);
    expect(await new BcryptPasswordHasher({ cost: 4 }).verify('abc123', hash)).toBe(true);
  });
  it('refuses malformed hashes instead of throwing', async () => {
    const hasher = new BcryptPasswordHasher({ cost: 4 });
    for (const hash of ['', 'abc123', '$2b$10$short', 'x'.repeat(60)]) expect(await hasher.verify('abc123', hash)).toBe(false);
  });
});
