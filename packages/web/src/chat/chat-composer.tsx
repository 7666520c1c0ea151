import { useRef, useState } from 'preact/hooks';
import type { ChatUser } from '../shared/api.ts';
import type { ChatSession } from './chat-session.ts';
import { EmojiPicker } from './emoji-picker.tsx';
import { UserSettings } from './user-settings.tsx';

export interface ChatComposerProps {
  session: ChatSession;
  user: ChatUser | undefined;
  connected: boolean;
  maxPayloadBytes: number;
}

const encoder = new TextEncoder();

/** Writing a message: Enter sends, Shift+Enter breaks the line; emoji picker and name/colour settings beside it. */
export function ChatComposer({ session, user, connected, maxPayloadBytes }: ChatComposerProps) {
  const [text, setText] = useState('');
  const [panel, setPanel] = useState<'emoji' | 'settings' | undefined>();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const tooLong = encoder.encode(JSON.stringify({ type: 'CHAT', body: text })).length > maxPayloadBytes;

  const send = () => {
    const body = text.trim();
    if (body === '' || tooLong) return;
    if (session.send(body)) setText('');
  };
  const insert = (snippet: string) => {
    const input = inputRef.current;
    const at = input?.selectionStart ?? text.length;
    setText(`${text.slice(0, at)}${snippet}${text.slice(at)}`);
    setPanel(undefined);
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(at + snippet.length, at + snippet.length);
    });
  };
  const toggle = (which: 'emoji' | 'settings') => setPanel(panel === which ? undefined : which);

  return (
    <form
      class="chat-composer"
      onSubmit={(e) => (e.preventDefault(), send())}
      onKeyDown={(e) => {
        // Escape anywhere in the composer closes an open panel and returns to the message box.
        if (e.key === 'Escape' && panel !== undefined) {
          e.preventDefault();
          setPanel(undefined);
          inputRef.current?.focus();
        }
      }}
    >
      {panel === 'emoji' && <EmojiPicker onPick={(name) => insert(`:${name}:`)} />}
      {panel === 'settings' && user && <UserSettings session={session} user={user} onClose={() => setPanel(undefined)} />}
      <label class="visually-hidden" for="chat-input">
        Message
      </label>
      <textarea
        id="chat-input"
        ref={inputRef}
        rows={2}
        value={text}
        placeholder={connected ? `Chat as ${user?.displayName ?? '…'}` : 'Waiting for the chat connection…'}
        aria-invalid={tooLong}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            send();
          }
        }}
      />
      {tooLong && <p class="chat-error" role="alert">That message is too long.</p>}
      <div class="chat-actions">
        <button type="button" class="icon-button" aria-label="Insert emoji" aria-expanded={panel === 'emoji'} onClick={() => toggle('emoji')}>
          ☺
        </button>
        <button type="button" class="icon-button" aria-label="Change your name and colour" aria-expanded={panel === 'settings'} disabled={!user} onClick={() => toggle('settings')}>
          ⚙
        </button>
        <button type="submit" class="button primary" disabled={!connected || tooLong || text.trim() === ''}>
          Send
        </button>
      </div>
    </form>
  );
}
