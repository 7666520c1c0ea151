import { timeAgo } from '../../shared/time.ts';
import { adminPost } from '../admin-api.ts';
import type { AdminUser } from '../admin-types.ts';
import { Loaded, OutcomeNote, useOutcome } from '../components/notes.tsx';
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
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr><th scope="col">User</th><th scope="col">Connected</th><th scope="col">Messages</th><th scope="col">Address</th></tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <td>{c.user.displayName}</td>
                    <td>{timeAgo(c.connectedAt)}</td>
                    <td>{c.messageCount}</td>
                    <td class="mono">{c.ipAddress}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </Loaded>
  );
}

/** Every chat user, with moderator and ban switches. */
export function ChatUsers() {
  const users = useAdminData<{ total: number; results: AdminUser[] }>('/api/admin/users', 15_000);
  const { outcome, run } = useOutcome();
  const act = async (path: string, body: object, done: string) => {
    await run(() => adminPost(path, body), done);
    await users.reload();
  };
  return (
    <Loaded source={users} what="Users">
      {({ total, results }) => (
        <>
          <OutcomeNote outcome={outcome} />
          {results.length === 0 ? (
            <p class="muted">No one has joined the chat yet.</p>
          ) : (
            <div class="table-scroll">
              <table class="table">
                <caption class="muted">{total} users</caption>
                <thead>
                  <tr><th scope="col">Name</th><th scope="col">Joined</th><th scope="col">Moderator</th><th scope="col">Banned</th></tr>
                </thead>
                <tbody>
                  {results.map((u) => {
                    const moderator = u.scopes.includes('MODERATOR');
                    const banned = u.disabledAt !== undefined;
                    return (
                      <tr key={u.id}>
                        <td>{u.displayName}{u.isBot && <span class="badge">bot</span>}</td>
                        <td>{timeAgo(u.createdAt)}</td>
                        <td>
                          <input type="checkbox" role="switch" aria-label={`${u.displayName} is a moderator`} checked={moderator} onChange={() => void act('/api/admin/chat/users/setmoderator', { userId: u.id, isModerator: !moderator }, moderator ? `${u.displayName} is no longer a moderator.` : `${u.displayName} is now a moderator.`)} />
                        </td>
                        <td>
                          <input type="checkbox" role="switch" aria-label={`${u.displayName} is banned`} checked={banned} onChange={() => void act('/api/admin/chat/users/setenabled', { userId: u.id, enabled: banned }, banned ? `${u.displayName} may chat again.` : `${u.displayName} is banned from the chat.`)} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Loaded>
  );
}
