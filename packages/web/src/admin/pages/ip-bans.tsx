import { useId, useState } from 'preact/hooks';
import { timeAgo } from '../../shared/time.ts';
import { adminPost } from '../admin-api.ts';
import type { IpBan } from '../admin-types.ts';
import { Loaded, OutcomeNote, useOutcome } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';

/** Addresses kept out of the chat: list, remove, add. */
export function IpBans() {
  const id = useId();
  const bans = useAdminData<IpBan[]>('/api/admin/chat/users/ipbans');
  const [address, setAddress] = useState('');
  const { outcome, run } = useOutcome();
  const change = async (path: string, value: string, done: string) => {
    const ok = await run(() => adminPost(path, { value }), done);
    await bans.reload();
    return ok;
  };
  const add = async (event: Event) => {
    event.preventDefault();
    if (await change('/api/admin/chat/users/ipbans/create', address.trim(), `${address.trim()} is banned.`)) setAddress('');
  };
  return (
    <>
      <Loaded source={bans} what="IP bans">
        {(list) =>
          list.length === 0 ? (
            <p class="muted">No address is banned.</p>
          ) : (
            <ul class="plain-list">
              {list.map((ban) => (
                <li key={ban.ipAddress} class="list-row">
                  <span class="mono">{ban.ipAddress}</span>
                  <span class="muted">{ban.notes} {timeAgo(ban.createdAt)}</span>
                  <button class="button" type="button" onClick={() => void change('/api/admin/chat/users/ipbans/remove', ban.ipAddress, `${ban.ipAddress} may chat again.`)}>
                    Unban<span class="visually-hidden"> {ban.ipAddress}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <form class="inline-form" onSubmit={add}>
        <label for={id}>IP address</label>
        <input id={id} class="mono" value={address} onInput={(e) => setAddress(e.currentTarget.value)} placeholder="203.0.113.7" />
        <button class="button" type="submit" disabled={address.trim() === ''}>Ban</button>
      </form>
      <OutcomeNote outcome={outcome} />
    </>
  );
}
