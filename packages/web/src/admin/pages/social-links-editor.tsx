import { useId } from 'preact/hooks';
import { setConfig } from '../admin-api.ts';
import type { SocialHandle } from '../admin-types.ts';
import { OutcomeNote, useOutcome } from '../components/notes.tsx';
import { useRows } from '../components/use-rows.ts';
import { useAdminData } from '../use-admin-data.ts';

type Platforms = Record<string, { platform: string; icon: string }>;

/** Links to the streamer's other places, as rows of platform + URL. */
export function SocialHandlesEditor({ handles, onSaved }: { handles: readonly SocialHandle[]; onSaved: () => void }) {
  const id = useId();
  const platforms = useAdminData<Platforms>('/api/socialplatforms');
  const { rows, update, add, remove } = useRows<SocialHandle>(() => handles.map(({ platform, url }) => ({ platform, url })));
  const { outcome, run } = useOutcome();
  const save = async (event: Event) => {
    event.preventDefault();
    const kept = rows.filter((row) => row.platform.trim() !== '' || row.url.trim() !== '');
    if (await run(() => setConfig('socialhandles', kept), 'Saved.')) onSaved();
  };
  return (
    <form class="config-form" onSubmit={save}>
      <datalist id={`${id}-platforms`}>
        {Object.entries(platforms.data ?? {}).map(([key, p]) => <option key={key} value={key}>{p.platform}</option>)}
      </datalist>
      {rows.length === 0 && <p class="muted">No links yet.</p>}
      {rows.map((row, i) => (
        <fieldset class="row-editor" key={i}>
          <legend class="visually-hidden">Link {i + 1}</legend>
          <label>
            Platform
            <input list={`${id}-platforms`} value={row.platform} onInput={(e) => update(i, { platform: e.currentTarget.value })} />
          </label>
          <label class="grow">
            URL
            <input type="url" value={row.url} placeholder="https://" onInput={(e) => update(i, { url: e.currentTarget.value })} />
          </label>
          <button class="button" type="button" onClick={() => remove(i)} aria-label={`Remove link ${i + 1}`}>Remove</button>
        </fieldset>
      ))}
      <div class="form-actions">
        <button class="button" type="button" onClick={() => add({ platform: '', url: '' })}>Add a link</button>
        <button class="button primary" type="submit">Save links</button>
        <OutcomeNote outcome={outcome} />
      </div>
    </form>
  );
}
