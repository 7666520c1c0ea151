/** Admin passwords shorter than this are refused. */
export const MIN_ADMIN_PASSWORD_LENGTH = 8;

// The most common passwords of 8+ characters in public breach lists, and words an admin of this
// server might reach for; anything in here is guessed first.
const COMMON = new Set(['password', 'password1', 'password123', 'passw0rd', 'iloveyou', 'sunshine', 'princess', 'football', 'baseball', 'welcome1', 'trustno1', 'qwertyuiop', 'qwerty123', 'admin123', 'administrator', 'changeme', 'letmein1', 'abc12345', 'owncast', 'owncast123', 'hexcast', 'hexcast123', 'streaming', 'livestream']);
const KEYBOARD_RUNS = ['0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'zyxwvutsrqponmlkjihgfedcba', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'poiuytrewq'];

/**
 * Why an admin password would be refused, or `undefined` when it is acceptable: too short, the
 * default, a single repeated character, a run such as `12345678` or `abcdefgh`, or a very common
 * password (compared without case).
 */
export function weakAdminPasswordReason(password: string, defaultPassword: string): string | undefined {
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH) return `the admin password must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (password === defaultPassword) return 'the admin password must not be the default one';
  if (/^(.)\1*$/su.test(password) || KEYBOARD_RUNS.some((run) => run.includes(lower)) || COMMON.has(lower)) return 'that admin password is too easy to guess';
  return undefined;
}
