import { useId, useState } from 'preact/hooks';
import { timeAgo } from '../../shared/time.ts';
import { adminPost } from '../admin-api.ts';
import type { AccessToken } from '../admin-types.ts';
import { Loaded, OutcomeNote, useOutcome } from '../components/notes.tsx';
import { Table } from '../components/table.tsx';
import { useAdminData } from '../use-admin-data.ts';

const SCOPES = [
  { scope: 'CAN_SEND_MESSAGES', label: 'Send chat messages' },
  { scope: 'CAN_SEND_SYSTEM_MESSAGES', label: 'Send system messages' },
  { scope: 'HAS_ADMIN_ACCESS', label: 'Admin access (moderation, server settings)' },
];

/** Tokens for the integrations API: the list, a create form (the token is shown once) and delete. */
export function AccessTokens() {
  const id = useId();
  const tokens = useAdminData<AccessToken[]>('/api/admin/accesstokens');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['CAN_SEND_MESSAGES']);
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const { outcome, run } = useOutcome();

  const create = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      const token = await adminPost<AccessToken & { accessToken: string }>('/api/admin/accesstokens/create', { name: name.trim(), scopes });
      setCreated({ name: token.displayName, token: token.accessToken });
      setName('');
    }, 'Token created.');
    await tokens.reload();
  };
  const remove = async (token: AccessToken) => {
    if (!window.confirm(`Delete the token “${token.displayName}”? Anything using it stops working.`)) return;
    await run(() => adminPost('/api/admin/accesstokens/delete', { token: token.id }), `Deleted “${token.displayName}”.`);
    await tokens.reload();
  };

  return (
    <>
      {created && (
        <div class="note success" role="alert">
          <p>The token for <strong>{created.name}</strong>: copy it now, it is not shown again.</p>
          <code class="secret">{created.token}</code>
        </div>
      )}
      <Loaded source={tokens} what="Access tokens">
        {(list) =>
          list.length === 0 ? (
            <p class="muted">No tokens yet.</p>
          ) : (
            <Table columns={['Name', 'Token', 'Scopes', 'Last used', <span class="visually-hidden">Actions</span>]}>
              {list.map((t) => (
                <tr key={t.id}>
                  <td>{t.displayName}</td>
                  <td class="mono">{t.tokenPrefix}…</td>
                  <td>{t.scopes.map((s) => SCOPES.find((known) => known.scope === s)?.label ?? s).join(', ')}</td>
                  <td>{t.lastUsedAt ? timeAgo(t.lastUsedAt) : 'never'}</td>
                  <td><button class="button" type="button" onClick={() => void remove(t)}>Delete<span class="visually-hidden"> {t.displayName}</span></button></td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loaded>
      <form class="config-form" onSubmit={create}>
        <h3>New token</h3>
        <div class="field">
          <label for={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} maxLength={64} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <fieldset class="checkboxes">
          <legend>Allowed to</legend>
          {SCOPES.map(({ scope, label }) => (
            <label key={scope}>
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => setScopes(e.currentTarget.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))} />
              {label}
            </label>
          ))}
        </fieldset>
        <div class="form-actions">
          <button class="button primary" type="submit" disabled={name.trim() === '' || scopes.length === 0}>Create token</button>
          <OutcomeNote outcome={outcome} />
        </div>
      </form>
    </>
  );
}
