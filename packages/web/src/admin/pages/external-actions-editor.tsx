import { setConfig } from '../admin-api.ts';
import type { ExternalAction } from '../admin-types.ts';
import { OutcomeNote, useOutcome } from '../components/notes.tsx';
import { useRows } from '../components/use-rows.ts';

const FIELDS: ReadonlyArray<{ key: 'title' | 'url' | 'description' | 'icon' | 'color'; label: string; placeholder?: string }> = [
  { key: 'title', label: 'Title' },
  { key: 'url', label: 'URL', placeholder: 'https://' },
  { key: 'description', label: 'Description' },
  { key: 'icon', label: 'Icon URL', placeholder: 'https://' },
  { key: 'color', label: 'Colour', placeholder: '#7c6cf2' },
];

/** Buttons on the viewer page that open another site (a tip jar, a store…), as Owncast's external actions. */
export function ExternalActionsEditor({ actions, onSaved }: { actions: readonly ExternalAction[]; onSaved: () => void }) {
  const { rows, update, add, remove } = useRows<ExternalAction>(() => actions.map((action) => ({ ...action })));
  const { outcome, run } = useOutcome();
  const save = async (event: Event) => {
    event.preventDefault();
    const value = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '' && v !== undefined)));
    if (await run(() => setConfig('externalactions', value), 'Saved.')) onSaved();
  };
  return (
    <form class="config-form" onSubmit={save}>
      {rows.length === 0 && <p class="muted">No actions yet.</p>}
      {rows.map((row, i) => (
        <fieldset class="row-editor boxed" key={i}>
          <legend>Action {i + 1}</legend>
          {FIELDS.map(({ key, label, placeholder }) => (
            <label key={key} class={key === 'url' || key === 'description' ? 'grow' : ''}>
              {label}
              <input value={row[key] ?? ''} placeholder={placeholder} onInput={(e) => update(i, { [key]: e.currentTarget.value })} />
            </label>
          ))}
          <label class="toggle-label">
            <input type="checkbox" checked={row.openExternally === true} onChange={(e) => update(i, { openExternally: e.currentTarget.checked })} /> Open in a new tab
          </label>
          <button class="button" type="button" onClick={() => remove(i)}>Remove<span class="visually-hidden"> action {i + 1}</span></button>
        </fieldset>
      ))}
      <div class="form-actions">
        <button class="button" type="button" onClick={() => add({ title: '', url: '', openExternally: true })}>Add an action</button>
        <button class="button primary" type="submit">Save actions</button>
        <OutcomeNote outcome={outcome} />
      </div>
    </form>
  );
}
