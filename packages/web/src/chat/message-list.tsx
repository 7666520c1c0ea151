import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ChatUser } from '../shared/api.ts';
import { clockTime } from '../shared/time.ts';
import type { ChatEntry } from './chat-model.ts';
import { sanitizeChatHtml } from './sanitize.ts';

export interface Moderation {
  hide(messageId: string): void;
  ban(userId: string): void;
}

export interface MessageListProps {
  entries: readonly ChatEntry[];
  self: ChatUser | undefined;
  /** Present for moderators: each message gets hide and ban buttons. */
  moderation: Moderation | undefined;
}

/** The chat log, kept scrolled to the newest message unless the reader has scrolled up. */
export function MessageList({ entries, self, moderation }: MessageListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const list = listRef.current;
    if (list && pinned.current) list.scrollTop = list.scrollHeight;
  }, [entries]);
  const onScroll = () => {
    const list = listRef.current;
    if (list) pinned.current = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  };

  return (
    <ol class="chat-log" ref={listRef} onScroll={onScroll} aria-live="polite" aria-label="Chat messages" tabIndex={0}>
      {entries.filter((e) => e.visible).map((entry) => (
        <Message key={entry.id} entry={entry} mine={entry.user?.id === self?.id} moderation={moderation} />
      ))}
    </ol>
  );
}

function Message({ entry, mine, moderation }: { entry: ChatEntry; mine: boolean; moderation: Moderation | undefined }) {
  // Every new message re-renders the whole log: parse and clean each entry's HTML once, not per render.
  const html = useMemo(() => ({ __html: sanitizeChatHtml(entry.html) }), [entry.html]);
  if (entry.kind === 'action') {
    return <li class="chat-entry chat-action" data-id={entry.id} dangerouslySetInnerHTML={html} />;
  }
  const user = entry.user;
  const color = `var(--user-color-${(user?.displayColor ?? 0) % 8})`;
  return (
    <li class={`chat-entry chat-${entry.kind}`} data-id={entry.id}>
      <div class="chat-meta">
        <span class="chat-author" style={{ color }}>
          {user?.displayName ?? 'System'}
        </span>
        {user?.scopes?.includes('MODERATOR') && <span class="badge">mod</span>}
        {user?.isBot && <span class="badge">bot</span>}
        {entry.kind === 'system' && <span class="badge">system</span>}
        <time dateTime={entry.timestamp}>{clockTime(entry.timestamp)}</time>
        {moderation && entry.kind === 'chat' && (
          <span class="chat-tools">
            <button type="button" class="link-button" onClick={() => moderation.hide(entry.id)} aria-label={`Hide this message from ${user?.displayName ?? 'user'}`}>
              Hide
            </button>
            {user && !mine && (
              <button type="button" class="link-button danger" onClick={() => confirm(`Ban ${user.displayName} from the chat?`) && moderation.ban(user.id)} aria-label={`Ban ${user.displayName}`}>
                Ban
              </button>
            )}
          </span>
        )}
      </div>
      <div class="chat-body" dangerouslySetInnerHTML={html} />
    </li>
  );
}
