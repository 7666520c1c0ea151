import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAT_EVENT_TYPES, type ChatUser } from './chat.ts';
import { ServerChatEventSchema, splitChatFrame, toChatUserPayload } from './chat-events.ts';

const user: ChatUser = {
  id: 'u1',
  displayName: 'viewer',
  displayColor: 3,
  createdAt: new Date('2026-01-02T03:04:05.678Z'),
  disabledAt: null,
  disabledReason: null,
  nameChangedAt: null,
  previousNames: ['old'],
  scopes: ['MODERATOR'],
  isBot: false,
  authenticated: true,
  authProviders: ['IndieAuth'],
};

describe('chat events', () => {
  it('has a schema for every server-sent event type of the protocol', () => {
    const clientOnly = new Set(['COLOR_CHANGE']);
    const covered = new Set(ServerChatEventSchema.options.map((option) => option.shape.type.value));
    for (const type of CHAT_EVENT_TYPES) if (!clientOnly.has(type)) expect(covered.has(type), type).toBe(true);
  });

  it('shapes a user as Owncast clients expect and validates as CONNECTED_USER_INFO', () => {
    const payload = toChatUserPayload(user);
    expect(payload).toEqual({ id: 'u1', displayName: 'viewer', displayColor: 3, createdAt: '2026-01-02T03:04:05.678Z', previousNames: ['old'], scopes: ['MODERATOR'], isBot: false, authenticated: true });
    const event = { type: 'CONNECTED_USER_INFO', id: 'e1', timestamp: new Date().toISOString(), user: payload };
    expect(ServerChatEventSchema.safeParse(event).success).toBe(true);
    expect(ServerChatEventSchema.safeParse({ ...event, user: { ...payload, displayColor: 'red' } }).success).toBe(false);
  });

  it('splits a batched frame back into the events that were joined (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ type: fc.constantFrom(...CHAT_EVENT_TYPES), body: fc.string() }), { maxLength: 8 }), (events) => {
        expect(splitChatFrame(events.map((e) => JSON.stringify(e)).join('\n'))).toEqual(events);
      }),
    );
  });
});
