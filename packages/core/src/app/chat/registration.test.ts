import { describe, expect, it } from 'vitest';
import { hashToken } from '../../domain/ids.ts';
import { createChatHarness } from '../../testing/chat-harness.ts';
import { NAME_ADJECTIVES, NAME_ANIMALS } from './username-words.ts';

describe('chat registration', () => {
  it('takes the name from the body, else X-Forwarded-User, and stores only the token hash', async () => {
    const h = await createChatHarness();
    const fromBody = await h.chat.registerChatUser({ displayName: '  Alice  ', forwardedUser: 'proxy-user' });
    expect(fromBody).toMatchObject({ ok: true, value: { displayName: 'Alice' } });
    if (!fromBody.ok) return;
    expect(fromBody.value.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await h.repositories.users.getByTokenHash(await hashToken(fromBody.value.accessToken)))?.id).toBe(fromBody.value.id);
    expect(await h.chat.registerChatUser({ forwardedUser: 'proxy-user' })).toMatchObject({ ok: true, value: { displayName: 'proxy-user' } });
  });

  it('refuses an explicitly requested forbidden name', async () => {
    const h = await createChatHarness();
    expect(await h.chat.registerChatUser({ displayName: 'Admin' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await h.chat.registerChatUser({ forwardedUser: 'SYSTEM' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('assigns a suggested name nobody holds, then generated ones', async () => {
    const h = await createChatHarness({ chatSettings: { suggestedUsernames: ['Pixel', 'admin', 'Byte'] } });
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await h.chat.registerChatUser({});
      if (result.ok) names.push(result.value.displayName);
    }
    expect(names.slice(0, 2)).toEqual(['Pixel', 'Byte']);
    for (const generated of names.slice(2)) expect(generated).toMatch(new RegExp(`^(${NAME_ADJECTIVES.join('|')})(${NAME_ANIMALS.join('|')})\\d*$`));
  });

  it('cuts long names to 30 characters and removes invisible ones', async () => {
    const h = await createChatHarness();
    expect(await h.chat.registerChatUser({ displayName: `a\u200bb\u202e${'c'.repeat(40)}` })).toMatchObject({ ok: true, value: { displayName: `ab${'c'.repeat(28)}` } });
  });

  it('has 30 × 30 distinct name words', () => {
    expect(new Set(NAME_ADJECTIVES).size).toBe(30);
    expect(new Set(NAME_ANIMALS).size).toBe(30);
  });
});
