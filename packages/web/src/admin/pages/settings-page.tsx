import type { ServerConfig } from '../admin-types.ts';
import { ConfigForm } from '../components/config-form.tsx';
import { Loaded, Panel } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';
import { AdminPasswordForm } from './admin-password-form.tsx';
import { ImageUpload } from './image-upload.tsx';
import { SocialHandlesEditor } from './social-links-editor.tsx';

/** The appearance variables offered as fields (Owncast's names); others an admin set are kept. */
const COLOURS: ReadonlyArray<[string, string]> = [
  ['--theme-color-action', 'Accent colour'],
  ['--theme-color-action-hover', 'Accent colour (hover)'],
  ['--theme-color-background-main', 'Page background'],
  ['--theme-color-background-header', 'Header background'],
  ['--theme-color-components-chat-background', 'Chat background'],
  ['--theme-color-components-text-on-dark', 'Text colour'],
];

const AUTOPLAY = [
  { value: 'off', label: 'Off: viewers press play' },
  { value: 'always', label: 'Always, with sound where the browser allows' },
  { value: 'sound-only', label: 'Muted until the viewer unmutes' },
];

/** `/admin/settings`: what the viewer page shows and how the server listens. */
export function SettingsPage() {
  const config = useAdminData<ServerConfig>('/api/admin/serverconfig');
  return (
    <Loaded source={config} what="Server settings">
      {(c) => {
        const d = c.instanceDetails;
        const appearance = d.appearanceVariables;
        const keepOthers = (values: Record<string, unknown>) => ({
          ...Object.fromEntries(Object.entries(appearance).filter(([name]) => !COLOURS.some(([known]) => known === name))),
          ...Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')),
        });
        return (
          <div class="panels">
            <Panel title="About this server" wide>
              <ConfigForm
                onSaved={config.reload}
                fields={[
                  { key: 'name', label: 'Server name', kind: 'text', value: d.name },
                  { key: 'serversummary', label: 'Summary', kind: 'textarea', value: d.summary, help: 'A line or two under the stream title.' },
                  { key: 'tags', label: 'Tags', kind: 'list', value: d.tags, help: 'Separated by commas.' },
                  { key: 'pagecontent', label: 'Page content', kind: 'textarea', value: d.extraPageContent, help: 'Markdown, shown under the stream.' },
                  { key: 'offlinemessage', label: 'Offline message', kind: 'textarea', value: d.offlineMessage, help: 'Markdown, shown while you are not live.' },
                  { key: 'welcomemessage', label: 'Chat welcome message', kind: 'textarea', value: d.welcomeMessage, help: 'Sent to each viewer who joins the chat.' },
                  { key: 'nsfw', label: 'Not safe for work (viewers confirm before the stream shows)', kind: 'toggle', value: d.nsfw },
                ]}
              />
            </Panel>
            <Panel title="Logo and icon">
              <ImageUpload setter="logo" src="/logo" label="Logo" accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml" help="PNG, JPEG, GIF, WebP or SVG, up to 2 MiB." />
              <ImageUpload setter="favicon" src="/favicon.ico" label="Favicon" accept="image/png,image/x-icon,image/vnd.microsoft.icon,.ico" help="The browser tab icon: PNG or ICO, up to 200 KB." resettable />
            </Panel>
            <Panel title="Social links">
              <SocialHandlesEditor handles={d.socialHandles} onSaved={config.reload} />
            </Panel>
            <Panel title="Appearance" wide>
              <ConfigForm
                onSaved={config.reload}
                fields={[
                  { key: 'autoplay', label: 'Autoplay', kind: 'select', value: d.autoplay, options: AUTOPLAY },
                  { key: 'hideviewercount', label: 'Hide the viewer count', kind: 'toggle', value: c.hideViewerCount },
                  { key: 'disablesearchindexing', label: 'Ask search engines not to index this site', kind: 'toggle', value: c.disableSearchIndexing },
                  { key: 'customstyles', label: 'Custom CSS', kind: 'code', value: d.customStyles },
                  { key: 'customjavascript', label: 'Custom JavaScript', kind: 'code', value: d.customJavascript, help: 'Runs on the viewer page: only paste code you trust.' },
                ]}
              />
              <h3>Colours</h3>
              <ConfigForm
                saveAs="appearance"
                prepare={keepOthers}
                onSaved={config.reload}
                submitLabel="Save colours"
                columns
                fields={COLOURS.map(([name, label]) => ({ key: name, label, kind: 'text', value: appearance[name] ?? '', placeholder: 'theme default', help: `CSS colour for ${name}` }))}
              />
            </Panel>
            <Panel title="Server" wide>
              <ConfigForm
                columns
                onSaved={config.reload}
                fields={[
                  { key: 'serverurl', label: 'Public URL', kind: 'text', value: c.yp?.instanceUrl ?? '', placeholder: 'https://live.example.com', help: 'The address viewers reach this server at (Owncast’s server URL).' },
                  { key: 'webserverip', label: 'Web server address', kind: 'text', value: c.webServerIP, help: 'Takes effect after a restart.' },
                  { key: 'webserverport', label: 'Web server port', kind: 'number', value: c.webServerPort, help: 'Takes effect after a restart.' },
                  { key: 'rtmpserverbindaddress', label: 'RTMP address', kind: 'text', value: c.rtmpServerAddress },
                  { key: 'rtmpserverport', label: 'RTMP port', kind: 'number', value: c.rtmpServerPort, help: 'Moves the RTMP listener when no one is streaming.' },
                  { key: 'sockethostoverride', label: 'Chat socket host', kind: 'text', value: c.socketHostOverride, placeholder: 'same as the page', help: 'Only when chat is served from another host, e.g. wss://chat.example.com.' },
                ]}
              />
            </Panel>
            <Panel title="Admin password">
              <AdminPasswordForm />
            </Panel>
          </div>
        );
      }}
    </Loaded>
  );
}
