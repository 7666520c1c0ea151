import { useId, useState } from 'preact/hooks';
import { setConfig } from '../admin-api.ts';
import { OutcomeNote, useOutcome } from '../components/notes.tsx';

/** Changes the admin password; the server refuses weak ones with its reason, shown here. */
export function AdminPasswordForm() {
  const id = useId();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { outcome, setOutcome, run } = useOutcome();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (password !== repeat) return setOutcome({ ok: false, text: 'The two passwords differ.' });
    const changed = await run(() => setConfig('adminpass', password), 'Password changed. Other admin sessions are signed out; your browser asks for the new password next time.');
    if (changed) {
      setPassword('');
      setRepeat('');
    }
  };
  return (
    <form class="config-form" onSubmit={submit}>
      <input type="text" name="username" value="admin" autoComplete="username" hidden readOnly />
      <div class="field">
        <label for={`${id}-new`}>New password</label>
        <input id={`${id}-new`} type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
      </div>
      <div class="field">
        <label for={`${id}-repeat`}>Repeat it</label>
        <input id={`${id}-repeat`} type="password" autoComplete="new-password" value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} required />
      </div>
      <div class="form-actions">
        <button class="button primary" type="submit" disabled={password === ''}>Change password</button>
        <OutcomeNote outcome={outcome} />
      </div>
    </form>
  );
}
