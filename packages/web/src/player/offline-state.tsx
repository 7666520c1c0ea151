import type { Status, WebConfig } from '../shared/api.ts';
import { timeAgo } from '../shared/time.ts';

/** Where the video would be: the admin's offline message and when the stream was last live. */
export function OfflineState({ config, status }: { config: WebConfig; status: Status }) {
  return (
    <div class="offline" role="region" aria-label="Stream offline">
      <div class="offline-card">
        <p class="offline-badge">Offline</p>
        <h2>{config.name} is not live right now</h2>
        {config.offlineMessage ? <div class="offline-message" dangerouslySetInnerHTML={{ __html: config.offlineMessage }} /> : <p>Check back later.</p>}
        {status.lastDisconnectTime && (
          <p class="last-seen">
            Last live <time dateTime={status.lastDisconnectTime} title={new Date(status.lastDisconnectTime).toLocaleString()}>{timeAgo(status.lastDisconnectTime)}</time>
          </p>
        )}
      </div>
    </div>
  );
}
