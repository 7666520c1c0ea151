import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../shared/api.ts';
import { ChatComposer } from './chat-composer.tsx';
import { ChatSession, type ChatSnapshot } from './chat-session.ts';
import { MessageList } from './message-list.tsx';

export interface ChatPanelProps {
  /** No composer: the read-only embed. */
  readOnly?: boolean;
  /** Chat turned off by the admin: no composer, no socket and no reconnecting until it is on again (the log stays); says so in place of the composer. */
  disabled?: boolean;
  socketHost?: string;
  maxPayloadBytes?: number;
}

const STATUS_TEXT: Record<ChatSnapshot['status'], string> = {
  connecting: 'Connecting to chat…',
  open: '',
  reconnecting: 'Connection lost, reconnecting…',
  banned: 'You can no longer take part in this chat.',
  off: 'Chat is turned off.',
};

/** The chat: its log, a connection notice, and the composer for those who may write. */
export function ChatPanel({ readOnly = false, disabled = false, socketHost, maxPayloadBytes = 2048 }: ChatPanelProps) {
  const session = useMemo(() => new ChatSession(socketHost ? { socketHost } : {}), [socketHost]);
  const [snapshot, setSnapshot] = useState(session.snapshot);
  // Before the effect that starts the session, so a page opened while chat is off never opens a socket.
  useEffect(() => (disabled ? session.suspend() : session.resume()), [session, disabled]);
  useEffect(() => {
    const unsubscribe = session.subscribe(setSnapshot);
    session.start();
    return () => {
      unsubscribe();
      session.stop();
    };
  }, [session]);

  const isModerator = snapshot.user?.scopes.includes('MODERATOR') === true;
  const token = session.accessToken;
  const moderation = isModerator && token
    ? {
        hide: (id: string) => void api.setMessageVisibility(token, [id], false).catch(() => undefined),
        ban: (userId: string) => void api.setUserEnabled(token, userId, false).catch(() => undefined),
      }
    : undefined;
  const notice = STATUS_TEXT[snapshot.status];

  return (
    <section class="chat" aria-label="Chat">
      <MessageList entries={snapshot.entries} self={snapshot.user} moderation={moderation} />
      {disabled ? <p class="chat-notice">{STATUS_TEXT.off}</p> : notice && <p class="chat-notice" role="status">{notice}</p>}
      {!readOnly && !disabled && snapshot.status !== 'banned' && snapshot.status !== 'off' && <ChatComposer session={session} user={snapshot.user} connected={snapshot.status === 'open'} maxPayloadBytes={maxPayloadBytes} />}
    </section>
  );
}
