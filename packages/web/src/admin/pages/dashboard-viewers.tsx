import { timeAgo } from '../../shared/time.ts';
import type { TimePoint } from '../admin-types.ts';
import { LineChart } from '../components/line-chart.tsx';
import { Table } from '../components/table.tsx';
import { browserName } from './user-agent.ts';

export interface ActiveViewer {
  clientID: string;
  firstSeen: string;
  lastSeen: string;
  userAgent: string;
  ipAddress: string;
  geo: { countryCode: string; regionName: string; timeZone: string } | null;
}

export interface VideoMetrics {
  errors: TimePoint[];
  medianLatency: TimePoint[];
  medianSegmentDownloadDuration: TimePoint[];
  segmentLength: number;
}

/** Who is watching now (players that fetched the stream in the last minute). */
export function ViewersNow({ viewers }: { viewers: readonly ActiveViewer[] }) {
  if (viewers.length === 0) return <p class="muted">Nobody is watching right now.</p>;
  return (
    <Table columns={['Browser', 'Address', 'Where', 'Watching since']}>
      {viewers.map((v) => (
        <tr key={v.clientID}>
          <td title={v.userAgent}>{browserName(v.userAgent)}</td>
          <td class="mono">{v.ipAddress}</td>
          <td>{v.geo ? [v.geo.regionName, v.geo.countryCode].filter(Boolean).join(', ') : 'unknown'}</td>
          <td>{timeAgo(v.firstSeen)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** How playback goes for viewers, from their players' reports: latency and segment download time. */
export function PlaybackChart({ metrics }: { metrics: VideoMetrics }) {
  if (metrics.medianLatency.length === 0 && metrics.medianSegmentDownloadDuration.length === 0) {
    return <p class="muted">No playback reports yet: players report once a minute while they play.</p>;
  }
  return (
    <LineChart
      title="Playback"
      unit=" s"
      series={[
        { label: 'Median latency', color: '#bb9af7', points: metrics.medianLatency },
        { label: 'Median segment download', color: '#2ac3de', points: metrics.medianSegmentDownloadDuration },
      ]}
    />
  );
}
