import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weakAdminPasswordReason } from './admin-password.ts';

const reason = (password: string) => weakAdminPasswordReason(password, 'abc123');

describe('weakAdminPasswordReason', () => {
  it('names why a weak password is refused', () => {
    expect(reason('short')).toBe('the admin password must be at least 8 characters');
    expect(weakAdminPasswordReason('default-pw-1', 'default-pw-1')).toBe('the admin password must not be the default one');
    for (const weak of ['aaaaaaaa', '12345678', 'ABCDEFGHIJ', 'qwertyuiop', 'Password', 'PASSWORD123', 'hexcast123', '🙂🙂🙂🙂🙂🙂🙂🙂', '87654321']) {
      expect(reason(weak), weak).toBe('that admin password is too easy to guess');
    }
  });

  it('accepts other passwords of 8 or more characters (property)', () => {
    expect(reason('correct horse battery')).toBeUndefined();
    expect(reason('new-Password-42')).toBeUndefined();
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{6}[!-/][A-Z]$/), (password) => {
        expect(reason(password)).toBeUndefined();
      }),
    );
  });
});
