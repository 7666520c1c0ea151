import { useMemo, useState } from 'preact/hooks';
import type { AdminStatus, HardwareStats, TimePoint } from '../admin-types.ts';
import { ConfigForm } from '../components/config-form.tsx';
import { LineChart } from '../components/line-chart.tsx';
import { Loaded, Panel } from '../components/notes.tsx';
import { useAdminData } from '../use-admin-data.ts';
import { BroadcasterDetails, StreamHealth, StreamStatus } from './dashboard-panels.tsx';
import { PlaybackChart, ViewersNow, type ActiveViewer, type VideoMetrics } from './dashboard-viewers.tsx';

/** The recorded history (a point a minute) plus the count right now, so the chart is current. */
function withCurrent(points: readonly TimePoint[], status: AdminStatus | undefined): TimePoint[] {
  return status === undefined ? [...points] : [...points, { time: new Date().toISOString(), value: status.viewerCount }];
}

const PERIODS = [
  { hours: 1, label: 'Last hour' },
  { hours: 6, label: 'Last 6 hours' },
  { hours: 24, label: 'Last day' },
  { hours: 24 * 7, label: 'Last week' },
];

/** `/admin/`: is the stream live, who is sending it, how it is going, and the title. */
export function DashboardPage() {
  const status = useAdminData<AdminStatus>('/api/admin/status', 3_000);
  const hardware = useAdminData<HardwareStats>('/api/admin/hardwarestats', 10_000);
  const [hours, setHours] = useState(24);
  // The window starts when the period is chosen (a path that changed on every render would refetch forever).
  const windowStart = useMemo(() => Math.floor(Date.now() / 1000) - hours * 3600, [hours]);
  const viewers = useAdminData<TimePoint[]>(`/api/admin/viewersOverTime?windowStart=${windowStart}`, 30_000);
  const active = useAdminData<ActiveViewer[]>('/api/admin/viewers', 15_000);
  const playback = useAdminData<VideoMetrics>('/api/admin/metrics/video', 30_000);

  return (
    <div class="panels">
      <Panel title="Stream">
        <Loaded source={status} what="Stream status">
          {(s) => <StreamStatus status={s} onChange={status.reload} />}
        </Loaded>
      </Panel>
      <Panel title="Stream title">
        <Loaded source={status} what="Stream title">
          {(s) => (
            <ConfigForm
              fields={[{ key: 'streamtitle', label: 'Title', kind: 'text', value: s.streamTitle, help: 'Shown on the viewer page at once, live or not.' }]}
              submitLabel="Update title"
              onSaved={status.reload}
            />
          )}
        </Loaded>
      </Panel>
      <Panel title="Broadcaster">
        <Loaded source={status} what="Broadcaster">
          {(s) => <BroadcasterDetails status={s} />}
        </Loaded>
      </Panel>
      <Panel title="Stream health">
        <Loaded source={hardware} what="Stream health">
          {(h) => <StreamHealth stats={h} online={status.data?.online === true} />}
        </Loaded>
      </Panel>
      <Panel
        title="Viewers over time"
        actions={
          <select class="panel-actions" aria-label="Period" value={String(hours)} onChange={(e) => setHours(Number(e.currentTarget.value))}>
            {PERIODS.map((p) => <option key={p.hours} value={String(p.hours)}>{p.label}</option>)}
          </select>
        }
      >
        <Loaded source={viewers} what="Viewers over time">
          {(points) => <LineChart title="Viewers" integers series={[{ label: 'Viewers', color: 'var(--accent-hover)', points: withCurrent(points, status.data) }]} />}
        </Loaded>
      </Panel>
      <Panel title="CPU, memory and disk">
        <Loaded source={hardware} what="Hardware">
          {(h) => (
            <LineChart
              title="Hardware use"
              unit="%"
              max={100}
              series={[
                { label: 'CPU', color: '#7dcfff', points: h.cpu },
                { label: 'Memory', color: '#9ece6a', points: h.memory },
                { label: 'Disk', color: '#e0af68', points: h.disk },
              ]}
            />
          )}
        </Loaded>
      </Panel>
      <Panel title="Watching now">
        <Loaded source={active} what="Viewers">
          {(list) => <ViewersNow viewers={list} />}
        </Loaded>
      </Panel>
      <Panel title="Playback">
        <Loaded source={playback} what="Playback metrics">
          {(metrics) => <PlaybackChart metrics={metrics} />}
        </Loaded>
      </Panel>
    </div>
  );
}
