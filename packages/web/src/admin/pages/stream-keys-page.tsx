import { setConfig } from '../admin-api.ts';
import type { ServerConfig, StreamKey } from '../admin-types.ts';
import { Loaded, OutcomeNote, Panel, useOutcome } from '../components/notes.tsx';
import { useRows } from '../components/use-rows.ts';
import { useAdminData } from '../use-admin-data.ts';
import { generateStreamKey } from './stream-key.ts';

/** `/admin/stream-keys`: the keys a broadcaster may publish with. */
export function StreamKeysPage() {
  const config = useAdminData<ServerConfig>('/api/admin/serverconfig');
  return (
    <Loaded source={config} what="Stream keys">
      {(c) => (
        <div class="panels">
          <Panel title="Stream keys" wide>
            {c.streamKeyOverridden && <p class="note warning">The server was started with <code>--streamkey</code>: that key is the one accepted until a restart without it.</p>}
            <p class="muted">Your encoder publishes to <code>rtmp://{window.location.hostname}:{c.rtmpServerPort}/live</code> with one of these keys.</p>
            <StreamKeysEditor keys={c.streamKeys} onSaved={config.reload} />
          </Panel>
        </div>
      )}
    </Loaded>
  );
}

function StreamKeysEditor({ keys, onSaved }: { keys: readonly StreamKey[]; onSaved: () => void }) {
  const { rows, update, add, remove } = useRows(() => keys.map((k) => ({ key: k.key, comment: k.comment ?? '', shown: false })));
  const { outcome, run } = useOutcome();
  const save = async (event: Event) => {
    event.preventDefault();
    const value = rows.map(({ key, comment }) => ({ key: key.trim(), comment: comment.trim() }));
    if (await run(() => setConfig('streamkeys', value), 'Saved: these keys are the ones accepted now.')) onSaved();
  };
  return (
    <form class="config-form" onSubmit={save}>
      <table class="table cards">
        <thead>
          <tr><th scope="col">Key</th><th scope="col">Comment</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td data-label="Key">
                <KeyInput index={i} shown={row.shown} value={row.key} onInput={(key) => update(i, { key })} />
                <button class="link-button" type="button" aria-pressed={row.shown} onClick={() => update(i, { shown: !row.shown })}>{row.shown ? 'Hide' : 'Show'}</button>
                {'clipboard' in navigator && <button class="link-button" type="button" onClick={() => void navigator.clipboard.writeText(row.key)}>Copy</button>}
              </td>
              <td data-label="Comment"><input aria-label={`Comment for key ${i + 1}`} value={row.comment} onInput={(e) => update(i, { comment: e.currentTarget.value })} /></td>
              <td><button class="button" type="button" onClick={() => remove(i)}>Remove<span class="visually-hidden"> key {i + 1}</span></button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p class="note warning">With no key, nobody can stream.</p>}
      <div class="form-actions">
        <button class="button" type="button" onClick={() => add({ key: generateStreamKey(), comment: '', shown: true })}>Add a key</button>
        <button class="button primary" type="submit">Save keys</button>
        <OutcomeNote outcome={outcome} />
      </div>
    </form>
  );
}

function KeyInput({ index, shown, value, onInput }: { index: number; shown: boolean; value: string; onInput: (value: string) => void }) {
  const props = { class: 'mono', 'aria-label': `Key ${index + 1}`, value, autoComplete: 'off', onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value) };
  return shown ? <input {...props} type="text" /> : <input {...props} type="password" />;
}
