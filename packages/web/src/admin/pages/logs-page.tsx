import { useState } from 'preact/hooks';
import type { LogEntry } from '../admin-types.ts';
import { Loaded, Panel } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';

/** `/admin/logs`: the server's recent log, newest first, or only its warnings and errors. */
export function LogsPage() {
  const [onlyWarnings, setOnlyWarnings] = useState(false);
  const logs = useAdminData<LogEntry[]>(onlyWarnings ? '/api/admin/logs/warnings' : '/api/admin/logs', 5_000);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  return (
    <div class="panels">
      <Panel
        title={onlyWarnings ? 'Warnings and errors' : 'Log'}
        wide
        actions={
          <div class="panel-actions">
            <label class="toggle-label">
              <input type="checkbox" role="switch" checked={onlyWarnings} onChange={(e) => setOnlyWarnings(e.currentTarget.checked)} /> Only warnings
            </label>
            <input type="search" aria-label="Filter the log" placeholder="Filter" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          </div>
        }
      >
        <Loaded source={logs} what="Logs">
          {(entries) => {
            const shown = entries.filter((e) => needle === '' || e.message.toLowerCase().includes(needle)).reverse();
            return shown.length === 0 ? (
              <p class="muted">{entries.length === 0 ? 'Nothing logged yet.' : 'No line matches.'}</p>
            ) : (
              <ol class="log" aria-label="Log lines, newest first">
                {shown.map((entry, i) => (
                  <li key={`${entry.time}-${i}`} class={`log-line level-${entry.level}`}>
                    <time dateTime={entry.time}>{new Date(entry.time).toLocaleString()}</time>
                    <span class="log-level">{entry.level}</span>
                    <span class="log-message">{entry.message}</span>
                  </li>
                ))}
              </ol>
            );
          }}
        </Loaded>
      </Panel>
    </div>
  );
}
