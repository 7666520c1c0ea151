import type { ServerConfig } from '../admin-types.ts';
import { ConfigForm } from '../components/config-form.tsx';
import { Loaded, Panel } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';
import { AccessTokens } from './access-tokens.tsx';
import { ExternalActionsEditor } from './external-actions-editor.tsx';

/** `/admin/integrations`: access tokens for bots and tools, external actions, go-live notifications. */
export function IntegrationsPage() {
  const config = useAdminData<ServerConfig>('/api/admin/serverconfig');
  return (
    <div class="panels">
      <Panel title="Access tokens" wide>
        <p class="muted">Bots and tools use a token to call the integrations API (<code>Authorization: Bearer …</code>).</p>
        <AccessTokens />
      </Panel>
      <Loaded source={config} what="Integrations">
        {(c) => (
          <>
            <Panel title="External actions" wide>
              <p class="muted">Buttons on the viewer page that open another site, e.g. a tip jar or a shop.</p>
              <ExternalActionsEditor actions={c.externalActions ?? []} onSaved={config.reload} />
            </Panel>
            {c.notifications ? <Notifications notifications={c.notifications} onSaved={config.reload} /> : <p class="note unavailable">Notifications: unavailable on this server.</p>}
          </>
        )}
      </Loaded>
    </div>
  );
}

/** Owncast's go-live notification settings: stored and shown, but nothing sends them yet (no notifier is wired in). */
function Notifications({ notifications, onSaved }: { notifications: NonNullable<ServerConfig['notifications']>; onSaved: () => void }) {
  return (
    <Panel title="Go-live notifications" wide>
      <p class="note warning">These settings are stored for compatibility with Owncast, but this version of hexcast does not send notifications yet.</p>
      <h3>Discord</h3>
      <ConfigForm
        saveAs="notifications/discord"
        onSaved={onSaved}
        fields={[
          { key: 'enabled', label: 'Post to Discord when the stream starts', kind: 'toggle', value: notifications.discord.enabled },
          { key: 'webhook', label: 'Webhook URL', kind: 'text', value: notifications.discord.webhook, placeholder: 'https://discord.com/api/webhooks/…' },
          { key: 'goLiveMessage', label: 'Message', kind: 'text', value: notifications.discord.goLiveMessage },
        ]}
      />
      <h3>Browser</h3>
      <ConfigForm
        saveAs="notifications/browser"
        onSaved={onSaved}
        fields={[
          { key: 'enabled', label: 'Let viewers subscribe to go-live notifications', kind: 'toggle', value: notifications.browser.enabled },
          { key: 'goLiveMessage', label: 'Message', kind: 'text', value: notifications.browser.goLiveMessage },
        ]}
      />
    </Panel>
  );
}
