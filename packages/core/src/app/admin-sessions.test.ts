import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.ts';
import { AdminSessions } from './admin-sessions.ts';

describe('AdminSessions', () => {
  it('hands out distinct 64-hex tokens that last 8 hours', async () => {
    const clock = new FakeClock();
    const sessions = new AdminSessions(clock);
    const [a, b] = [await sessions.create(), await sessions.create()];
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(await sessions.isValid(a)).toBe(true);
    clock.advance(8 * 60 * 60_000 - 1);
    expect(await sessions.isValid(b)).toBe(true);
    clock.advance(1);
    expect(await sessions.isValid(a)).toBe(false);
    expect(sessions.size).toBe(1);
  });

  it('keeps at most maxSessions, dropping the oldest, and clear() ends them all', async () => {
    const sessions = new AdminSessions(new FakeClock(), { maxSessions: 3 });
    const tokens = [];
    for (let i = 0; i < 5; i++) tokens.push(await sessions.create());
    expect(sessions.size).toBe(3);
    expect(await Promise.all(tokens.map((t) => sessions.isValid(t)))).toEqual([false, false, true, true, true]);
    sessions.clear();
    expect(await sessions.isValid(tokens[4]!)).toBe(false);
  });

  it('refuses anything that is not a live token', async () => {
    const sessions = new AdminSessions(new FakeClock());
    const token = await sessions.create();
    for (const bad of ['', token.toUpperCase(), token.slice(1), `${token} `, '0'.repeat(64)]) expect(await sessions.isValid(bad)).toBe(false);
  });
});
