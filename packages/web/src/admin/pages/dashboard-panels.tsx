import { useState } from 'preact/hooks';
import { timeAgo } from '../../shared/time.ts';
import { adminPost } from '../admin-api.ts';
import type { AdminStatus, HardwareStats, OutputVariant } from '../admin-types.ts';
import { errorMessage } from '../components/notes.tsx';

/** Live or offline, since when, the viewer counts, and a button to drop the broadcaster. */
export function StreamStatus({ status, onChange }: { status: AdminStatus; onChange: () => void }) {
  const [error, setError] = useState<string>();
  const since = status.broadcaster?.time;
  const disconnect = async () => {
    if (!window.confirm('Disconnect the broadcaster? The stream ends for every viewer.')) return;
    try {
      await adminPost('/api/admin/disconnect');
      setError(undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    }
    onChange();
  };
  return (
    <div class="stream-status">
      <p class={`status-badge ${status.online ? 'is-live' : ''}`}>{status.online ? 'Live' : 'Offline'}</p>
      {status.online && since && <p class="muted">Started {timeAgo(since)} ({new Date(since).toLocaleTimeString()})</p>}
      <dl class="stats">
        <div><dt>Viewers now</dt><dd>{status.viewerCount}</dd></div>
        <div><dt>Peak this stream</dt><dd>{status.sessionPeakViewerCount}</dd></div>
        <div><dt>Peak ever</dt><dd>{status.overallPeakViewerCount}</dd></div>
      </dl>
      {status.online && (
        <button class="button danger" type="button" onClick={disconnect}>Disconnect broadcaster</button>
      )}
      {error && <p class="note error" role="alert">{error}</p>}
      <p class="muted small">hexcast {status.versionNumber}</p>
    </div>
  );
}

function variantLabel(v: OutputVariant): string {
  const video = v.videoPassthrough ? 'video passthrough' : `${v.scaledHeight ? `${v.scaledHeight}p` : 'source size'} · ${v.videoBitrate} kbps · ${v.framerate} fps`;
  return `${v.name ? `${v.name}: ` : ''}${video}`;
}

/** What the broadcaster sends (from the RTMP metadata) and what hexcast makes of it. */
export function BroadcasterDetails({ status }: { status: AdminStatus }) {
  const { broadcaster, currentBroadcast } = status;
  if (!status.online || broadcaster === null) return <p class="muted">Nobody is streaming. Point your encoder at this server's RTMP address with a stream key.</p>;
  const d = broadcaster.streamDetails;
  const rows: Array<[string, string]> = [
    ['From', broadcaster.remoteAddr],
    ['Encoder', d.encoder || 'unknown'],
    ['Video', [d.videoCodec || 'unknown codec', `${d.width}×${d.height}`, `${Math.round(d.framerate)} fps`, d.videoBitrate > 0 ? `${Math.round(d.videoBitrate)} kbps` : 'bitrate not announced'].join(' · ')],
    ['Audio', `${d.audioCodec || 'none'}${d.audioBitrate ? ` · ${Math.round(d.audioBitrate)} kbps` : ''}`],
  ];
  if (currentBroadcast) {
    const l = currentBroadcast.latencyLevel;
    rows.push(['Latency', `level ${l.level}: ${l.segmentCount} segments of ${l.secondsPerSegment} s`]);
  }
  return (
    <>
      <dl class="details">
        {rows.map(([term, value]) => (
          <div key={term}><dt>{term}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      {currentBroadcast && (
        <>
          <h3>Outputs</h3>
          <ul class="plain-list">
            {currentBroadcast.outputSettings.map((v, i) => <li key={i}>{variantLabel(v)}</li>)}
          </ul>
        </>
      )}
    </>
  );
}

/** How viewers' playback is going (from their players' reports over the last minute). */
export function StreamHealth({ stats, online }: { stats: HardwareStats; online: boolean }) {
  if (stats.healthy === undefined || stats.healthPercentage === undefined) {
    return <p class="muted">{online ? 'No playback reports yet: health shows once viewers are watching.' : 'Health shows while the stream is live and watched.'}</p>;
  }
  return (
    <div class="health">
      <p class={`health-state ${stats.healthy ? 'good' : 'bad'}`}>{stats.healthy ? 'Healthy' : 'Needs attention'}</p>
      <meter min={0} max={100} low={60} high={85} optimum={100} value={stats.healthPercentage} aria-label="Viewers playing smoothly">
        {stats.healthPercentage}%
      </meter>
      <p>{stats.healthPercentage}% of viewers are playing smoothly.</p>
      {stats.message && <p class="muted">{stats.message}</p>}
    </div>
  );
}
