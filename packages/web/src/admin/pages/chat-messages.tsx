import { sanitizeChatHtml } from '../../chat/sanitize.ts';
import { clockTime } from '../../shared/time.ts';
import { adminPost } from '../admin-api.ts';
import type { AdminChatMessage } from '../admin-types.ts';
import { Loaded, OutcomeNote, useOutcome } from '../components/notes.tsx';
import { Table } from '../components/table.tsx';
import { useAdminData } from '../use-admin-data.ts';

const SHOWN = 100;

/** The latest chat messages, newest first, each with a hide/show switch. */
export function ChatMessages() {
  const messages = useAdminData<AdminChatMessage[]>('/api/admin/chat/messages', 5_000);
  const { outcome, run } = useOutcome();
  const setVisible = async (message: AdminChatMessage, visible: boolean) => {
    await run(() => adminPost('/api/admin/chat/messagevisibility', { idArray: [message.id], visible }), visible ? 'Message shown again.' : 'Message hidden.');
    await messages.reload();
  };
  return (
    <Loaded source={messages} what="Chat messages">
      {(list) => {
        const latest = list.filter((m) => m.type === 'CHAT').slice(-SHOWN).reverse();
        return (
          <>
            <OutcomeNote outcome={outcome} />
            {latest.length === 0 ? (
              <p class="muted">No chat messages yet.</p>
            ) : (
              <Table class="chat-table" columns={['Time', 'User', 'Message', 'Visible']}>
                {latest.map((m) => (
                  <tr key={m.id} class={m.visible ? '' : 'hidden-message'}>
                    <td><time dateTime={m.timestamp}>{clockTime(m.timestamp)}</time></td>
                    <td>{m.user?.displayName ?? '—'}</td>
                    <td class="chat-body" dangerouslySetInnerHTML={{ __html: sanitizeChatHtml(m.body) }} />
                    <td>
                      <button class="button" type="button" aria-pressed={!m.visible} onClick={() => void setVisible(m, !m.visible)}>
                        {m.visible ? 'Hide' : 'Show'}
                        <span class="visually-hidden"> message from {m.user?.displayName ?? 'unknown'} at {clockTime(m.timestamp)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </Table>
            )}
          </>
        );
      }}
    </Loaded>
  );
}
