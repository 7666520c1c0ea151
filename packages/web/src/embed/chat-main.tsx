import { render } from 'preact';
import { ChatPanel } from '../chat/chat-panel.tsx';
import { useServerState } from '../shared/server-state.ts';
import '../shared/theme.css';
import './embed.css';

/** `/embed/chat/readonly` and `/embed/chat/readwrite`: only the chat, read-only unless the path says otherwise. */
function ChatEmbed({ readWrite }: { readWrite: boolean }) {
  const { config } = useServerState();
  if (config === undefined) return <p class="loading" role="status">Loading…</p>;
  return (
    <ChatPanel
      readOnly={!readWrite}
      disabled={config.chatDisabled}
      socketHost={config.socketHostOverride || undefined}
      maxPayloadBytes={config.maxSocketPayloadSize}
    />
  );
}

render(<ChatEmbed readWrite={location.pathname.replace(/\/+$/, '').endsWith('/readwrite')} />, document.getElementById('app')!);
