import type { Status, WebConfig } from '../shared/api.ts';

export interface ServerHeaderProps {
  config: WebConfig;
  status: Status | undefined;
  chatOpen: boolean;
  onToggleChat(): void;
}

/** Logo, server name, live badge and viewer count (unless hidden), social links, and the chat toggle. */
export function ServerHeader({ config, status, chatOpen, onToggleChat }: ServerHeaderProps) {
  const online = status?.online === true;
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        Skip to the stream
      </a>
      <img class="logo" src={config.logo || '/logo'} alt="" width={40} height={40} onError={(e) => ((e.target as HTMLImageElement).hidden = true)} />
      <h1 class="server-name">{config.name}</h1>
      <span class={`live-badge ${online ? 'is-live' : ''}`} role="status">
        {online ? 'Live' : 'Offline'}
      </span>
      {online && !config.hideViewerCount && status?.viewerCount !== undefined && (
        <span class="viewer-count">{status.viewerCount === 1 ? '1 viewer' : `${status.viewerCount} viewers`}</span>
      )}
      <div class="header-end">
        {config.socialHandles.length > 0 && (
          <nav class="social" aria-label="Elsewhere">
            {config.socialHandles.map((handle) => (
              <a key={handle.url} href={handle.url} target="_blank" rel="noopener noreferrer me" title={handle.platform}>
                <img src={handle.icon} alt={handle.platform} width={22} height={22} />
              </a>
            ))}
          </nav>
        )}
        <button type="button" class="button chat-toggle" aria-pressed={chatOpen} onClick={onToggleChat}>
          {chatOpen ? 'Hide chat' : 'Show chat'}
        </button>
      </div>
    </header>
  );
}
