import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { OperationsSnapshot } from '@hexcast/core';

interface Figure {
  readonly name: string;
  readonly help: string;
  /** counters mirror totals the core keeps since the process started */
  readonly kind: 'gauge' | 'counter';
  /** `undefined`: not measured yet, shown as 0 (a series without labels is always exposed) */
  readonly read: (snapshot: OperationsSnapshot) => number | undefined;
}

const gauge = (name: string, help: string, read: Figure['read']): Figure => ({ name, help, kind: 'gauge', read });
const counter = (name: string, help: string, read: Figure['read']): Figure => ({ name, help, kind: 'counter', read });

/** hexcast's own figures, besides Node's default process metrics. */
export const HEXCAST_FIGURES: readonly Figure[] = [
  gauge('hexcast_stream_online', '1 while a stream is live', (s) => Number(s.streamOnline)),
  gauge('hexcast_stream_inbound_video_bitrate_kbps', "video bitrate the broadcaster's encoder announced (0 offline)", (s) => s.inboundVideoBitrateKbps),
  gauge('hexcast_stream_inbound_audio_bitrate_kbps', "audio bitrate the broadcaster's encoder announced (0 offline)", (s) => s.inboundAudioBitrateKbps),
  gauge('hexcast_stream_output_variants', 'renditions in the output ladder', (s) => s.outputVariants),
  counter('hexcast_streams_started_total', 'streams that went live', (s) => s.streamsStartedTotal),
  counter('hexcast_segments_stored_total', 'HLS segments stored, all variants', (s) => s.segments.stored),
  counter('hexcast_segment_failures_total', 'HLS segments that could not be stored', (s) => s.segments.failed),
  counter('hexcast_segment_bytes_total', 'bytes of HLS segments stored', (s) => s.segments.bytes),
  gauge('hexcast_segment_interval_seconds', 'time between the latest two segments of the first variant: the segment length when the encoder keeps up (0 until two segments)', (s) => s.segments.lastIntervalSeconds),
  gauge('hexcast_segment_store_seconds', 'time the latest segment took to be stored after the encoder wrote it (0 until one was)', (s) => s.segments.lastStoreSeconds),
  gauge('hexcast_viewers', 'viewers active within the last minute', (s) => s.viewers),
  gauge('hexcast_viewers_session_peak', 'most viewers at once during the current or last stream', (s) => s.sessionPeakViewers),
  gauge('hexcast_viewers_overall_peak', 'most viewers at once ever', (s) => s.overallPeakViewers),
  gauge('hexcast_chat_clients', 'open chat sockets', (s) => s.chatClients),
  counter('hexcast_chat_messages_total', 'chat messages from users and integrations', (s) => s.chatMessagesTotal),
  counter('hexcast_playback_reports_total', 'playback metric reports from players', (s) => s.playbackReportsTotal),
  gauge('hexcast_instance_cpu_usage_percent', 'latest CPU sample of /api/admin/hardwarestats', (s) => s.hardware?.cpu),
  gauge('hexcast_instance_memory_usage_percent', 'latest memory sample of /api/admin/hardwarestats', (s) => s.hardware?.memory),
  gauge('hexcast_instance_disk_usage_percent', 'latest disk sample of /api/admin/hardwarestats', (s) => s.hardware?.disk),
];

/**
 * The Prometheus exposition of one server: Node's default process metrics plus hexcast's
 * figures, set from a snapshot of the core at each scrape.
 */
export class PrometheusExporter {
  readonly #registry = new Registry();
  readonly #metrics: Array<{ figure: Figure; metric: Gauge | Counter }> = [];

  constructor() {
    collectDefaultMetrics({ register: this.#registry });
    const registers = [this.#registry];
    for (const figure of HEXCAST_FIGURES) {
      const metric = figure.kind === 'gauge' ? new Gauge({ name: figure.name, help: figure.help, registers }) : new Counter({ name: figure.name, help: `${figure.help}, since the process started`, registers });
      this.#metrics.push({ figure, metric });
    }
  }

  get contentType(): string {
    return this.#registry.contentType;
  }

  /** The exposition text with these figures. */
  async scrape(snapshot: OperationsSnapshot): Promise<string> {
    for (const { figure, metric } of this.#metrics) {
      const value = figure.read(snapshot);
      metric.reset();
      if (value === undefined) continue;
      if (metric instanceof Gauge) metric.set(value);
      else metric.inc(value);
    }
    return this.#registry.metrics();
  }
}
