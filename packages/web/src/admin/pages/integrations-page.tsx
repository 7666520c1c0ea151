import type { ServerConfig } from '../admin-types.ts';
import { ConfigForm } from '../components/config-form.tsx';
import { Loaded, Panel } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';
import { AccessTokens } from './access-tokens.tsx';

/** `/admin/integrations`: access tokens for bots and tools, and go-live notifications. */
export function IntegrationsPage() {
  const config = useAdminData<ServerConfig>('/api/admin/serverconfig');
  return (
    <div class="panels">
      <Panel title="Access tokens" wide>
        <p class="muted">Bots and tools use a token to call the integrations API (<code>Authorization: Bearer …</code>).</p>
        <AccessTokens />
      </Panel>
      <Loaded source={config} what="Notifications">
        {(c) =>
          c.notifications ? (
            <>
              <Panel title="Discord notification">
                <ConfigForm
                  saveAs="notifications/discord"
                  onSaved={config.reload}
                  fields={[
                    { key: 'enabled', label: 'Post to Discord when the stream starts', kind: 'toggle', value: c.notifications.discord.enabled },
                    { key: 'webhook', label: 'Webhook URL', kind: 'text', value: c.notifications.discord.webhook, placeholder: 'https://discord.com/api/webhooks/…' },
                    { key: 'goLiveMessage', label: 'Message', kind: 'text', value: c.notifications.discord.goLiveMessage },
                  ]}
                />
              </Panel>
              <Panel title="Browser notifications">
                <ConfigForm
                  saveAs="notifications/browser"
                  onSaved={config.reload}
                  fields={[
                    { key: 'enabled', label: 'Let viewers subscribe to go-live notifications', kind: 'toggle', value: c.notifications.browser.enabled },
                    { key: 'goLiveMessage', label: 'Message', kind: 'text', value: c.notifications.browser.goLiveMessage },
                  ]}
                />
              </Panel>
            </>
          ) : (
            <p class="note unavailable">Notifications: unavailable on this server.</p>
          )
        }
      </Loaded>
    </div>
  );
}
