import type { ChatUser } from '../shared/api.ts';

/** One line of the chat log as the panel shows it. */
export interface ChatEntry {
  readonly id: string;
  readonly kind: 'chat' | 'system' | 'action';
  readonly timestamp: string;
  /** HTML from the server (sanitised there and again here before it is shown). */
  readonly html: string;
  /** The author of a chat message; the server's name for system messages. */
  readonly user?: ChatUser;
  readonly visible: boolean;
}

const MAX_ENTRIES = 500;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Folds one server event (from the socket or from `/api/chat` history) into the log. Unknown and
 * connection-level events leave it unchanged; a message already in the log is not added twice
 * (history fetched after a reconnect overlaps what the socket delivered).
 */
export function applyEvent(log: readonly ChatEntry[], event: Record<string, unknown>): readonly ChatEntry[] {
  const id = typeof event.id === 'string' ? event.id : '';
  const timestamp = typeof event.timestamp === 'string' ? event.timestamp : new Date().toISOString();
  const user = event.user as ChatUser | undefined;
  const body = typeof event.body === 'string' ? event.body : '';
  let entry: ChatEntry | undefined;
  switch (event.type) {
    case 'CHAT':
      entry = { id, kind: 'chat', timestamp, html: body, user, visible: event.visible !== false };
      break;
    case 'SYSTEM':
      entry = { id, kind: 'system', timestamp, html: body, user, visible: event.visible !== false };
      break;
    case 'CHAT_ACTION':
      entry = { id, kind: 'action', timestamp, html: body, visible: true };
      break;
    case 'USER_JOINED':
      entry = user && { id, kind: 'action', timestamp, html: `<strong>${escapeHtml(user.displayName)}</strong> joined the chat.`, visible: true };
      break;
    case 'NAME_CHANGE':
      entry = user && { id, kind: 'action', timestamp, html: `<strong>${escapeHtml(String(event.oldName ?? ''))}</strong> is now known as <strong>${escapeHtml(user.displayName)}</strong>.`, visible: true };
      break;
    case 'VISIBILITY-UPDATE': {
      const ids = new Set(Array.isArray(event.ids) ? (event.ids as string[]) : []);
      return log.map((e) => (ids.has(e.id) ? { ...e, visible: event.visible === true } : e));
    }
  }
  if (entry === undefined || (id !== '' && log.some((e) => e.id === id))) return log;
  const next = [...log, entry];
  return next.length > MAX_ENTRIES ? next.slice(next.length - MAX_ENTRIES) : next;
}

/** The log in time order (history and live events can interleave after a reconnect). */
export function sortByTime(log: readonly ChatEntry[]): readonly ChatEntry[] {
  return [...log].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}
