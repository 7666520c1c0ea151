import { err, ok, type CommonError, type Result } from '../domain/result.ts';
import { matchesAnySecret } from '../domain/secrets.ts';
import { latencyLevel, type Broadcaster, type InboundStreamDetails } from '../domain/video.ts';
import type { Clock } from '../ports/clock.ts';
import type { IngestHandler, IngestServer, PublishRequest, PublishStarted } from '../ports/ingest-server.ts';
import type { Logger } from '../ports/logger.ts';
import type { TranscodeExit, TranscodeJob, Transcoder } from '../ports/transcoder.ts';
import type { EventBus } from './event-bus.ts';
import type { HlsPublisher } from './hls-publisher.ts';
import { SegmentTimings } from './segment-timings.ts';
import type { VideoOutputService } from './video-output-service.ts';
import type { SettingsService } from './settings-service.ts';
import type { StatsService } from './stats-service.ts';

export interface StreamServiceDeps {
  readonly settings: SettingsService;
  readonly stats: StatsService;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Absent in builds without a transcoder: publishers are then refused with a clear reason. */
  readonly transcoder?: Transcoder;
  /** `--streamkey`: a temporary key accepted instead of the stored ones. */
  readonly streamKeyOverride?: string;
  /** Where the transcoder's files go; with the transcoder, required for publishing. */
  readonly video?: VideoOutputService;
  /** `--ffmpegpath`: used instead of the stored ffmpeg path until restart. */
  readonly ffmpegPathOverride?: string;
}

interface Session {
  broadcaster: Broadcaster;
  publisher: HlsPublisher | undefined;
  job: TranscodeJob | undefined;
  online: boolean;
  ended: boolean;
}

/**
 * The broadcaster's lifecycle: who may publish, the one live session, its transcode job, and
 * the online/offline transitions that other services react to.
 */
export class StreamService implements IngestHandler {
  readonly #deps: StreamServiceDeps;
  #session: Session | undefined;
  #ingest: IngestServer | undefined;
  #ending: Promise<void> | undefined;
  /** How the transcoder's segments come out (for monitoring). */
  readonly segments: SegmentTimings;

  constructor(deps: StreamServiceDeps) {
    this.#deps = deps;
    this.segments = new SegmentTimings(deps.clock);
  }

  /** Lets the service drop publishers (admin disconnect, failed transcoder). */
  attachIngest(ingest: IngestServer): void {
    this.#ingest = ingest;
  }

  get broadcaster(): Broadcaster | null {
    return this.#session?.broadcaster ?? null;
  }

  get online(): boolean {
    return this.#session?.online ?? false;
  }

  get streamKeyOverridden(): boolean {
    return this.#deps.streamKeyOverride !== undefined;
  }

  async authorizePublish(request: PublishRequest): Promise<Result<void, CommonError>> {
    const keys = this.#deps.streamKeyOverride !== undefined ? [this.#deps.streamKeyOverride] : this.#deps.settings.get('security').streamKeys.map((k) => k.key);
    if (!matchesAnySecret(request.streamKey, keys)) {
      this.#deps.logger.warn({ remoteAddr: request.remoteAddr }, 'publish refused: invalid stream key');
      return err({ kind: 'unauthorized', message: 'invalid stream key' });
    }
    if (this.#session !== undefined) {
      this.#deps.logger.warn({ remoteAddr: request.remoteAddr }, 'publish refused: a stream is already running');
      return err({ kind: 'conflict', message: 'stream already running; can not overtake an existing stream' });
    }
    if (this.#deps.transcoder === undefined || this.#deps.video === undefined) {
      this.#deps.logger.error({}, 'publish refused: no transcoder is configured in this build');
      return err({ kind: 'unavailable', message: 'video transcoding is not available' });
    }
    return ok(undefined);
  }

  async publishStarted(started: PublishStarted): Promise<void> {
    const { clock, logger, events, settings, transcoder, video } = this.#deps;
    if (this.#session !== undefined || transcoder === undefined || video === undefined) {
      await started.media.cancel();
      this.#ingest?.disconnect(started.sessionId);
      return;
    }
    const broadcaster: Broadcaster = { sessionId: started.sessionId, remoteAddr: started.remoteAddr, connectedAt: clock.now(), streamDetails: started.details };
    const session: Session = { broadcaster, job: undefined, publisher: undefined, online: false, ended: false };
    this.#session = session;
    logger.info({ remoteAddr: started.remoteAddr, details: started.details }, 'broadcaster connected');
    events.publish({ type: 'broadcaster-connected', broadcaster });
    const ladder = settings.get('video');
    try {
      const output = await video.beginSession();
      session.publisher = output;
      session.job = await transcoder.start({ source: started.media, output: this.segments.wrap(output), variants: ladder.outputVariants, latency: latencyLevel(ladder.latencyLevel), codec: ladder.codec, ffmpegPath: this.#ffmpegPath() });
    } catch (cause) {
      logger.error({ err: cause }, 'transcoder failed to start');
      this.#ingest?.disconnect(started.sessionId);
      await this.publishEnded(started.sessionId);
      return;
    }
    const job = session.job;
    if (session.ended) {
      // The publisher left while the encoder was starting; publishEnded had no job to stop then.
      await job.stop();
      return;
    }
    job.exited.then((exit) => this.#onTranscoderExit(session, exit), (cause: unknown) => this.#onTranscoderExit(session, { kind: 'failed', message: String(cause), lastErrorLines: [] }));
    job.firstPlaylist.then(() => this.#goOnline(session), () => undefined);
  }

  metadataReceived(sessionId: string, details: InboundStreamDetails): void {
    const session = this.#session;
    if (session === undefined || session.broadcaster.sessionId !== sessionId) return;
    session.broadcaster = { ...session.broadcaster, streamDetails: details };
  }

  async publishEnded(sessionId: string): Promise<void> {
    const session = this.#session;
    if (session === undefined || session.broadcaster.sessionId !== sessionId || session.ended) return;
    session.ended = true;
    this.#session = undefined;
    const ending = this.#end(session);
    // Remembered so that shutdown can wait for an ending that something else started.
    this.#ending = ending;
    await ending;
  }

  async #end(session: Session): Promise<void> {
    const sessionId = session.broadcaster.sessionId;
    await session.job?.stop();
    const at = this.#deps.clock.now();
    this.#deps.logger.info({ remoteAddr: session.broadcaster.remoteAddr }, 'broadcaster disconnected');
    this.#deps.events.publish({ type: 'broadcaster-disconnected', sessionId, at });
    if (session.online) {
      session.online = false;
      await this.#deps.stats.streamStopped(at);
      this.#deps.events.publish({ type: 'stream-stopped', at });
    }
    await this.#finishVideo(session);
  }

  /** Drops the current publisher (admin "disconnect"). `false` when nobody is streaming. */
  disconnectBroadcaster(): boolean {
    if (this.#session === undefined) return false;
    void this.endSession();
    return true;
  }

  /** Ends the current session, if any, resolving once its transcoder has stopped (shutdown waits for it). */
  async endSession(): Promise<void> {
    const session = this.#session;
    if (session === undefined) return this.#ending;
    // Ending first turns the publishEnded call that the ingest makes on disconnect into a no-op.
    const ended = this.publishEnded(session.broadcaster.sessionId);
    this.#ingest?.disconnect(session.broadcaster.sessionId);
    await ended;
  }

  #ffmpegPath(): string {
    return this.#deps.ffmpegPathOverride ?? this.#deps.settings.get('video').ffmpegPath;
  }

  /** Ends the stream's playlists with the offline clip and schedules the cleanup of its files. */
  async #finishVideo(session: Session): Promise<void> {
    const { video, transcoder, logger } = this.#deps;
    if (session.publisher === undefined || video === undefined || transcoder === undefined) return;
    const clip = await transcoder.offlineClip(this.#ffmpegPath()).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not make the offline clip; playlists end without it');
      return undefined;
    });
    await video.endSession(session.publisher, clip);
  }

  async #goOnline(session: Session): Promise<void> {
    if (session.ended || this.#session?.broadcaster.sessionId !== session.broadcaster.sessionId) return;
    const at = this.#deps.clock.now();
    session.online = true;
    await this.#deps.stats.streamStarted(at);
    this.#deps.events.publish({ type: 'stream-started', at, broadcaster: session.broadcaster, streamTitle: this.#deps.settings.get('serverInfo').streamTitle });
  }

  #onTranscoderExit(session: Session, exit: TranscodeExit): void {
    if (session.ended) return;
    if (exit.kind === 'failed') this.#deps.logger.error({ lastErrorLines: exit.lastErrorLines }, `transcoder failed: ${exit.message}`);
    // Without a transcoder there is nothing to watch: end the session rather than leave a zombie broadcaster.
    this.#ingest?.disconnect(session.broadcaster.sessionId);
    void this.publishEnded(session.broadcaster.sessionId);
  }
}
