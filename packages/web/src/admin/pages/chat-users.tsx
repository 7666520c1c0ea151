import { useId, useState } from 'preact/hooks';
import { timeAgo } from '../../shared/time.ts';
import { adminPost } from '../admin-api.ts';
import type { AdminUser } from '../admin-types.ts';
import { Loaded, OutcomeNote, useOutcome } from '../components/notes.tsx';
import { Switch } from '../components/switch.tsx';
import { Table } from '../components/table.tsx';
import { useAdminData } from '../use-admin-data.ts';

interface ChatClient {
  id: number;
  connectedAt: string;
  messageCount: number;
  userAgent: string;
  ipAddress: string;
  user: AdminUser;
}

/** Who has the chat open right now. */
export function ConnectedClients() {
  const clients = useAdminData<ChatClient[]>('/api/admin/chat/clients', 10_000);
  return (
    <Loaded source={clients} what="Connected clients">
      {(list) =>
        list.length === 0 ? (
          <p class="muted">Nobody has the chat open.</p>
        ) : (
          <Table columns={['User', 'Connected', 'Messages', 'Address']}>
            {list.map((c) => (
              <tr key={c.id}>
                <td>{c.user.displayName}</td>
                <td>{timeAgo(c.connectedAt)}</td>
                <td>{c.messageCount}</td>
                <td class="mono">{c.ipAddress}</td>
              </tr>
            ))}
          </Table>
        )
      }
    </Loaded>
  );
}

const PAGE_SIZE = 50;
const FILTERS = [
  { value: 'all', label: 'Everyone' },
  { value: 'active', label: 'Not banned' },
  { value: 'disabled', label: 'Banned' },
  { value: 'moderators', label: 'Moderators' },
  { value: 'bots', label: 'Bots' },
];

/** Chat users, searchable and filtered by status, a page at a time, with moderator and ban switches. */
export function ChatUsers() {
  const id = useId();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('all');
  const [offset, setOffset] = useState(0);
  const query = new URLSearchParams({ status, offset: String(offset), limit: String(PAGE_SIZE), ...(search.trim() ? { search: search.trim() } : {}) });
  const users = useAdminData<{ total: number; results: AdminUser[] }>(`/api/admin/users?${query}`, 15_000);
  const { outcome, run } = useOutcome();
  const act = async (path: string, body: object, done: string) => {
    const ok = await run(() => adminPost(path, body), done);
    void users.reload();
    return ok;
  };
  return (
    <>
      <div class="inline-form">
        <label for={`${id}-search`}>Search</label>
        <input id={`${id}-search`} type="search" value={search} onInput={(e) => (setSearch(e.currentTarget.value), setOffset(0))} />
        <label for={`${id}-status`}>Show</label>
        <select id={`${id}-status`} value={status} onChange={(e) => (setStatus(e.currentTarget.value), setOffset(0))}>
          {FILTERS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
        </select>
      </div>
      <OutcomeNote outcome={outcome} />
      <Loaded source={users} what="Users">
        {({ total, results }) =>
          results.length === 0 ? (
            <p class="muted">{status === 'all' && search === '' ? 'No one has joined the chat yet.' : 'Nobody matches.'}</p>
          ) : (
            <>
              <Table columns={['Name', 'Joined', 'Moderator', 'Banned']}>
                {results.map((u) => (
                  <UserRow key={u.id} user={u} act={act} />
                ))}
              </Table>
              <Pager offset={offset} total={total} onOffset={setOffset} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

type Act = (path: string, body: object, done: string) => Promise<boolean>;

function UserRow({ user: u, act }: { user: AdminUser; act: Act }) {
  const moderator = u.scopes.includes('MODERATOR');
  const banned = u.disabledAt !== undefined;
  const formerNames = u.previousNames.filter((name) => name !== u.displayName);
  return (
    <tr>
      <td>
        {u.displayName} {u.isBot && <span class="badge">bot</span>}
        {formerNames.length > 0 && <span class="muted small"> (was {formerNames.join(', ')})</span>}
      </td>
      <td>{timeAgo(u.createdAt)}</td>
      <td>
        <Switch label={`${u.displayName} is a moderator`} checked={moderator} onToggle={(on) => act('/api/admin/chat/users/setmoderator', { userId: u.id, isModerator: on }, on ? `${u.displayName} is now a moderator.` : `${u.displayName} is no longer a moderator.`)} />
      </td>
      <td>
        <Switch label={`${u.displayName} is banned`} checked={banned} onToggle={(on) => act('/api/admin/chat/users/setenabled', { userId: u.id, enabled: !on }, on ? `${u.displayName} is banned from the chat.` : `${u.displayName} may chat again.`)} />
      </td>
    </tr>
  );
}

function Pager({ offset, total, onOffset }: { offset: number; total: number; onOffset: (offset: number) => void }) {
  return (
    <div class="form-actions pager">
      <button class="button" type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}>Previous</button>
      <span class="muted" aria-live="polite">{offset + 1}–{Math.min(offset + PAGE_SIZE, total)} of {total}</span>
      <button class="button" type="button" disabled={offset + PAGE_SIZE >= total} onClick={() => onOffset(offset + PAGE_SIZE)}>Next</button>
    </div>
  );
}
