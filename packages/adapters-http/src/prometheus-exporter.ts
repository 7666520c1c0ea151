import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { OperationsSnapshot } from '@hexcast/core';

type GaugeName = 'streamOnline' | 'inboundVideoBitrateKbps' | 'inboundAudioBitrateKbps' | 'outputVariants' | 'viewers' | 'sessionPeakViewers' | 'overallPeakViewers' | 'chatClients';
type CounterName = 'chatMessagesTotal' | 'streamsStartedTotal' | 'playbackReportsTotal';

const GAUGES: Record<GaugeName, [string, string]> = {
  streamOnline: ['hexcast_stream_online', '1 while a stream is live'],
  inboundVideoBitrateKbps: ['hexcast_stream_inbound_video_bitrate_kbps', "video bitrate the broadcaster's encoder announced (0 offline)"],
  inboundAudioBitrateKbps: ['hexcast_stream_inbound_audio_bitrate_kbps', "audio bitrate the broadcaster's encoder announced (0 offline)"],
  outputVariants: ['hexcast_stream_output_variants', 'renditions in the output ladder'],
  viewers: ['hexcast_viewers', 'viewers active within the last minute'],
  sessionPeakViewers: ['hexcast_viewers_session_peak', 'most viewers at once during the current or last stream'],
  overallPeakViewers: ['hexcast_viewers_overall_peak', 'most viewers at once ever'],
  chatClients: ['hexcast_chat_clients', 'open chat sockets'],
};
const COUNTERS: Record<CounterName, [string, string]> = {
  chatMessagesTotal: ['hexcast_chat_messages_total', 'chat messages from users and integrations since the process started'],
  streamsStartedTotal: ['hexcast_streams_started_total', 'streams that went live since the process started'],
  playbackReportsTotal: ['hexcast_playback_reports_total', 'playback metric reports from players since the process started'],
};
const HARDWARE = { cpu: 'hexcast_instance_cpu_usage_percent', memory: 'hexcast_instance_memory_usage_percent', disk: 'hexcast_instance_disk_usage_percent' } as const;

/**
 * The Prometheus exposition of one server: Node's default process metrics plus hexcast's
 * stream, viewer, chat and hardware figures, set from a snapshot at each scrape.
 */
export class PrometheusExporter {
  readonly #registry = new Registry();
  readonly #gauges = new Map<GaugeName, Gauge>();
  readonly #counters = new Map<CounterName, Counter>();
  readonly #hardware = new Map<keyof typeof HARDWARE, Gauge>();

  constructor() {
    collectDefaultMetrics({ register: this.#registry });
    const registers = [this.#registry];
    for (const [key, [name, help]] of Object.entries(GAUGES)) this.#gauges.set(key as GaugeName, new Gauge({ name, help, registers }));
    for (const [key, [name, help]] of Object.entries(COUNTERS)) this.#counters.set(key as CounterName, new Counter({ name, help, registers }));
    for (const [key, name] of Object.entries(HARDWARE)) this.#hardware.set(key as keyof typeof HARDWARE, new Gauge({ name, help: `latest ${key} sample of /api/admin/hardwarestats, percent`, registers }));
  }

  get contentType(): string {
    return this.#registry.contentType;
  }

  /** The exposition text with these figures. */
  async scrape(snapshot: OperationsSnapshot): Promise<string> {
    for (const [key, gauge] of this.#gauges) gauge.set(Number(snapshot[key]));
    for (const [key, counter] of this.#counters) {
      // Totals are kept by the core; the counter mirrors them.
      counter.reset();
      counter.inc(snapshot[key]);
    }
    for (const [key, gauge] of this.#hardware) {
      if (snapshot.hardware === undefined) gauge.reset();
      else gauge.set(snapshot.hardware[key]);
    }
    return this.#registry.metrics();
  }
}
