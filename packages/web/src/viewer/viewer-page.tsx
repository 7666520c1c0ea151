import { useState } from 'preact/hooks';
import { ChatPanel } from '../chat/chat-panel.tsx';
import { LiveVideo } from '../player/live-video.tsx';
import { useServerState } from '../shared/server-state.ts';
import { ExternalActions } from './external-actions.tsx';
import { ServerHeader } from './server-header.tsx';

/** `/`: the header, the stream (or the offline state), the page content, and chat beside it. */
export function ViewerPage() {
  const { config, status, unreachable } = useServerState();
  const [chatOpen, setChatOpen] = useState(true);

  if (config === undefined) return <p class="loading" role="status">{unreachable ? 'The server cannot be reached.' : 'Loading…'}</p>;
  const online = status?.online === true;

  return (
    <div class={`viewer ${chatOpen ? 'with-chat' : ''}`}>
      <ServerHeader config={config} status={status} chatOpen={chatOpen} onToggleChat={() => setChatOpen(!chatOpen)} />
      <main class="viewer-main" id="main">
        <LiveVideo config={config} status={status} />
        <section class="stream-info" aria-label="About this stream">
          <h2 class="stream-title">{status?.streamTitle || config.streamTitle || (online ? 'Live now' : config.name)}</h2>
          {config.summary && <p class="summary">{config.summary}</p>}
          <ExternalActions actions={config.externalActions ?? []} />
          {config.tags.length > 0 && (
            <ul class="tags" aria-label="Tags">
              {config.tags.map((tag) => (
                <li key={tag}>#{tag}</li>
              ))}
            </ul>
          )}
        </section>
        {config.extraPageContent && <article class="page-content" dangerouslySetInnerHTML={{ __html: config.extraPageContent }} />}
      </main>
      {chatOpen && (
        <aside class="viewer-chat">
          <ChatPanel
            disabled={config.chatDisabled}
            socketHost={config.socketHostOverride || undefined}
            maxPayloadBytes={config.maxSocketPayloadSize}
          />
        </aside>
      )}
    </div>
  );
}
