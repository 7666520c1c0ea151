import type { ServerConfig } from '../admin-types.ts';
import { ConfigForm } from '../components/config-form.tsx';
import { Loaded, Panel } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';
import { ChatMessages } from './chat-messages.tsx';
import { ChatUsers, ConnectedClients } from './chat-users.tsx';
import { CustomEmoji } from './custom-emoji.tsx';
import { IpBans } from './ip-bans.tsx';

/** `/admin/chat`: moderation (messages, users, bans) and the chat's rules. */
export function ChatPage() {
  const config = useAdminData<ServerConfig>('/api/admin/serverconfig');
  return (
    <div class="panels">
      <Panel title="Messages" wide>
        <ChatMessages />
      </Panel>
      <Panel title="Connected now" wide>
        <ConnectedClients />
      </Panel>
      <Panel title="Users" wide>
        <ChatUsers />
      </Panel>
      <Panel title="Banned IP addresses">
        <IpBans />
      </Panel>
      <Panel title="Custom emoji">
        <CustomEmoji />
      </Panel>
      <Panel title="Chat settings">
        <Loaded source={config} what="Chat settings">
          {(c) => (
            <ConfigForm
              onSaved={config.reload}
              fields={[
                { key: 'chat/disable', label: 'Turn chat off', kind: 'toggle', value: c.chatDisabled },
                { key: 'chat/joinmessagesenabled', label: 'Announce people joining', kind: 'toggle', value: c.chatJoinMessagesEnabled },
                { key: 'chat/establishedusermode', label: 'Only established users may chat', kind: 'toggle', value: c.chatEstablishedUserMode, help: 'New users wait a while before they can send messages.' },
                { key: 'chat/spamprotectionenabled', label: 'Spam protection (rate limit)', kind: 'toggle', value: c.chatSpamProtectionEnabled },
                { key: 'chat/slurfilterenabled', label: 'Filter slurs', kind: 'toggle', value: c.chatSlurFilterEnabled },
                { key: 'chat/requireauthentication', label: 'Only authenticated users may chat', kind: 'toggle', value: c.chatRequireAuthentication, help: 'This server offers no way to sign in yet: with this on, viewers cannot send messages.' },
                { key: 'chat/forbiddenusernames', label: 'Forbidden names', kind: 'list', value: c.forbiddenUsernames, help: 'Separated by commas.' },
                { key: 'chat/suggestedusernames', label: 'Suggested names for new users', kind: 'list', value: c.suggestedUsernames, help: 'Separated by commas; empty for generated names.' },
              ]}
            />
          )}
        </Loaded>
      </Panel>
    </div>
  );
}
