import { describe, expect, it } from 'vitest';
import { applyEvent, sortByTime, type ChatEntry } from './chat-model.ts';

const user = { id: 'u1', displayName: 'Ada <b>', displayColor: 3, scopes: [] };
const chat = (id: string, timestamp = '2026-01-01T00:00:00.000Z') => ({ type: 'CHAT', id, timestamp, user, body: `<p>${id}</p>`, visible: true });

describe('applyEvent', () => {
  it('adds chat, system and action messages', () => {
    let log: readonly ChatEntry[] = [];
    log = applyEvent(log, chat('a'));
    log = applyEvent(log, { type: 'SYSTEM', id: 's', timestamp: '2026-01-01T00:00:01.000Z', body: '<p>welcome</p>', user: { displayName: 'Server' } });
    log = applyEvent(log, { type: 'CHAT_ACTION', id: 'x', timestamp: '2026-01-01T00:00:02.000Z', body: 'Stay tuned' });
    expect(log.map((e) => [e.id, e.kind, e.html])).toEqual([
      ['a', 'chat', '<p>a</p>'],
      ['s', 'system', '<p>welcome</p>'],
      ['x', 'action', 'Stay tuned'],
    ]);
  });

  it('escapes names in the join and rename notices it writes itself', () => {
    const joined = applyEvent([], { type: 'USER_JOINED', id: 'j', timestamp: '2026-01-01T00:00:00.000Z', user, clientId: 1 });
    expect(joined[0]?.html).toBe('<strong>Ada &#60;b&#62;</strong> joined the chat.');
    const renamed = applyEvent([], { type: 'NAME_CHANGE', id: 'n', timestamp: '2026-01-01T00:00:00.000Z', user, oldName: '<img src=x>' });
    expect(renamed[0]?.html).toBe('<strong>&#60;img src=x&#62;</strong> is now known as <strong>Ada &#60;b&#62;</strong>.');
  });

  it('does not add a message twice (history after a reconnect overlaps the socket)', () => {
    const once = applyEvent([], chat('a'));
    expect(applyEvent(once, chat('a'))).toBe(once);
  });

  it('hides and shows messages on VISIBILITY-UPDATE', () => {
    const log = applyEvent(applyEvent([], chat('a')), chat('b'));
    const hidden = applyEvent(log, { type: 'VISIBILITY-UPDATE', id: 'v', timestamp: '2026-01-01T00:00:00.000Z', ids: ['a'], visible: false });
    expect(hidden.map((e) => e.visible)).toEqual([false, true]);
    expect(applyEvent(hidden, { type: 'VISIBILITY-UPDATE', id: 'w', ids: ['a'], visible: true }).map((e) => e.visible)).toEqual([true, true]);
  });

  it('ignores connection-level and unknown events, and a join without a user', () => {
    const log = applyEvent([], chat('a'));
    for (const event of [{ type: 'CONNECTED_USER_INFO', user }, { type: 'PING' }, { type: 'WHATEVER', id: 'z' }, { type: 'USER_JOINED', id: 'j' }]) expect(applyEvent(log, event)).toBe(log);
  });

  it('keeps the newest 500 entries', () => {
    let log: readonly ChatEntry[] = [];
    for (let i = 0; i < 520; i += 1) log = applyEvent(log, chat(`m${i}`));
    expect(log).toHaveLength(500);
    expect(log[0]?.id).toBe('m20');
  });

  it('sortByTime orders history and live events by timestamp', () => {
    const log = applyEvent(applyEvent([], chat('late', '2026-01-01T00:00:09.000Z')), chat('early', '2026-01-01T00:00:01.000Z'));
    expect(sortByTime(log).map((e) => e.id)).toEqual(['early', 'late']);
  });
});
