import type { Socket } from 'node:net';
import type { IngestHandler, InboundStreamDetails, Logger } from '@hexcast/core';
import { FlvMediaFeed } from './flv-media-feed.ts';
import type { IngestLimits } from './ingest-limits.ts';
import { hardenRtmpSession, RtmpProtocolError, type RtmpParserLimits } from './nms/harden-rtmp-session.ts';
import { RtmpSession, type NmsAvPacket, type NmsRtmpSession } from './nms/nms-internals.ts';
import { parseStreamMetadata } from './stream-metadata.ts';

export interface RtmpConnectionOptions {
  readonly socket: Socket;
  readonly handler: IngestHandler;
  readonly logger: Logger;
  readonly limits: IngestLimits;
}

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const NO_DETAILS: InboundStreamDetails = { videoCodec: '', audioCodec: '', encoder: '', width: 0, height: 0, videoBitrate: 0, audioBitrate: 0, framerate: 0 };

/** Thrown from inside nms's parser to stop it parsing the rest of a buffer we have already refused. */
class StopParsing extends RtmpProtocolError {}

/**
 * One TCP connection on the RTMP port, driven by nms's RTMP session, from handshake to close.
 *
 * Handler calls, each at most once and in this order: `authorizePublish` when a `/live/<key>`
 * publish arrives (the socket is paused until the verdict, so nothing reaches the handler before
 * it); `publishStarted` when the encoder's metadata, its first media or `metadataWaitMs` comes
 * first, if the publisher is still connected; `publishEnded` after the socket closed, for every
 * authorized publish, once `publishStarted` has settled.
 */
export class RtmpConnection {
  readonly id: string;
  readonly remoteAddr: string;
  /** Settles when the socket is closed and the handler has been told everything it is owed. */
  readonly finished: Promise<void>;
  readonly #socket: Socket;
  readonly #session: NmsRtmpSession;
  readonly #handler: IngestHandler;
  readonly #logger: Logger;
  readonly #limits: IngestLimits;
  readonly #parserLimits: RtmpParserLimits;
  readonly #publish = Promise.withResolvers<string | undefined>();
  readonly #ready = Promise.withResolvers<void>();
  readonly #closed = Promise.withResolvers<void>();
  readonly #deadline: NodeJS.Timeout;
  #streamRequested = false;
  #started = false;
  #feed: FlvMediaFeed | undefined;
  #details = NO_DETAILS;
  #announced = '';

  constructor({ socket, handler, logger, limits }: RtmpConnectionOptions) {
    this.#socket = socket;
    this.#handler = handler;
    this.#limits = limits;
    const session = new RtmpSession(socket);
    this.#session = session;
    this.id = session.id;
    this.remoteAddr = session.ip;
    this.#logger = logger.child({ sessionId: this.id, remoteAddr: this.remoteAddr });
    this.#parserLimits = { maxMessageBytes: limits.preAuthMessageBytes, maxChunkStreams: limits.chunkStreams };
    hardenRtmpSession(session, this.#parserLimits, (error) => this.drop(`bad RTMP data: ${String(error)}`, this.#strangerOr('warn')));
    this.#interceptSession(session);
    session.run();
    socket.setTimeout(limits.idleTimeoutMs);
    socket.on('timeout', () => this.drop(`nothing received for ${limits.idleTimeoutMs} ms`, this.#strangerOr('warn')));
    this.#deadline = setTimeout(() => this.drop('no authorized publish in time', 'debug'), limits.handshakeTimeoutMs);
    socket.once('close', () => this.#onClose());
    this.finished = this.#run().catch((error: unknown) => {
      // A bug of ours must cost this connection only, never an unhandled rejection.
      this.#logger.error({ err: error }, 'RTMP connection failed');
      this.drop('internal error', 'error');
    });
  }

  /** Closes the connection (idempotent); `publishEnded` follows once the socket has closed. */
  drop(reason: string, level: LogLevel): void {
    if (this.#socket.destroyed) return;
    this.#logger[level]({}, `RTMP connection dropped: ${reason}`);
    this.#socket.destroy();
  }

  /** Scanners and junk are debug noise; the same trouble on a live publisher is worth a line. */
  #strangerOr(level: LogLevel): LogLevel {
    return this.#started ? level : 'debug';
  }

  #interceptSession(session: NmsRtmpSession): void {
    const registerPath = session.onConnect;
    session.onConnect = (request) => {
      // nms re-registers the session under each publish/play's path and never unregisters the
      // earlier one, so a second request would leave a dead publisher blocking that path.
      if (this.#streamRequested) this.#refuse('a second publish/play on one connection', 'debug');
      this.#streamRequested = true;
      registerPath(request);
    };
    session.onPlay = () => this.#refuse('playback requested; this server only ingests', 'debug');
    const publish = session.onPush;
    session.onPush = () => this.#onPublish(publish);
    // nms's own handler (its broadcast) repackages every message as an FLV tag and as RTMP
    // chunks and caches both for players: we have no players, so the feed writes the tag itself.
    session.onPacket = (packet) => {
      this.#feed?.push(packet);
      this.#observe(packet);
    };
    // One chunk per socket read for the consumer, however many messages the read held.
    const parse = session.onData;
    session.onData = (data) => {
      parse(data);
      this.#feed?.flush();
    };
  }

  #refuse(reason: string, level: LogLevel): never {
    this.drop(reason, level);
    throw new StopParsing(reason);
  }

  #onPublish(publish: () => void): void {
    const session = this.#session;
    // nms only sets the names when they are valid; Owncast serves exactly rtmp://host/live/<key>.
    if (session.streamApp !== 'live' || session.streamName === '') this.#refuse('publish refused: only /live/<key> is served', 'info');
    // Otherwise nms reports the end 30 s late, and a reconnect from the same address within that
    // window "resumes" the old publish with shifted timestamps.
    session.broadcast.publishGraceMs = 0;
    publish();
    if (!session.isPublisher) this.#refuse('publish refused: this stream key is already publishing', 'info');
    // Hold further bytes in the kernel until the handler decides. What this read still holds
    // after `publish` goes to a feed nobody sees unless the publish is authorized, so an
    // eager encoder loses nothing and a refused one delivers nothing.
    this.#socket.pause();
    this.#feed = new FlvMediaFeed({
      maxQueuedBytes: this.#limits.queuedMediaBytes,
      onOverflow: (queued) => this.drop(`the media consumer fell behind (${queued} bytes unread); dropping the publisher`, 'error'),
    });
    this.#publish.resolve(session.streamName);
  }

  #observe(packet: NmsAvPacket): void {
    if (packet.flags === 5) {
      const details = this.#readMetadata(packet);
      if (details === undefined) return;
      this.#details = details;
      this.#ready.resolve();
      this.#announce();
    } else if (packet.codec_type === 8 || packet.codec_type === 9) {
      // Encoders send metadata before media; media first means there is none to wait for.
      this.#ready.resolve();
    }
  }

  #readMetadata(packet: NmsAvPacket): InboundStreamDetails | undefined {
    try {
      return parseStreamMetadata(packet.data.subarray(0, packet.size));
    } catch (error) {
      // The publisher's data message goes to ffmpeg as it is; an odd one is no reason to drop the stream.
      this.#logger.debug({ err: error }, 'unreadable RTMP data message ignored');
      return undefined;
    }
  }

  #announce(): void {
    const json = JSON.stringify(this.#details);
    if (!this.#started || json === this.#announced) return;
    this.#announced = json;
    try {
      this.#handler.metadataReceived(this.id, this.#details);
    } catch (error) {
      this.#logger.error({ err: error }, 'IngestHandler.metadataReceived failed');
    }
  }

  async #run(): Promise<void> {
    const streamKey = await this.#publish.promise;
    if (streamKey === undefined) return;
    if (!(await this.#authorize(streamKey))) {
      this.drop('publish refused by the handler', 'debug');
      return this.#closed.promise;
    }
    try {
      if (!this.#socket.destroyed && this.#feed !== undefined) await this.#stream(this.#feed);
      await this.#closed.promise;
    } finally {
      await this.#call('publishEnded', () => this.#handler.publishEnded(this.id));
    }
  }

  async #authorize(streamKey: string): Promise<boolean> {
    try {
      const verdict = await this.#handler.authorizePublish({ sessionId: this.id, streamKey, remoteAddr: this.remoteAddr });
      if (verdict.ok) return true;
      this.#logger.info({ reason: verdict.error.kind }, `publish refused: ${verdict.error.message}`);
    } catch (error) {
      this.#logger.error({ err: error }, 'IngestHandler.authorizePublish failed; refusing the publisher');
    }
    return false;
  }

  async #stream(feed: FlvMediaFeed): Promise<void> {
    clearTimeout(this.#deadline);
    this.#parserLimits.maxMessageBytes = this.#limits.messageBytes;
    this.#socket.resume();
    const wait = setTimeout(() => this.#ready.resolve(), this.#limits.metadataWaitMs);
    await Promise.race([this.#ready.promise, this.#closed.promise]);
    clearTimeout(wait);
    if (this.#socket.destroyed) return;
    this.#started = true;
    this.#announced = JSON.stringify(this.#details);
    const started = { sessionId: this.id, remoteAddr: this.remoteAddr, details: this.#details, media: feed.stream };
    if (!(await this.#call('publishStarted', () => this.#handler.publishStarted(started)))) {
      this.drop('nobody took the media', 'warn');
    }
  }

  async #call(name: string, call: () => Promise<void>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (error) {
      this.#logger.error({ err: error }, `IngestHandler.${name} failed`);
      return false;
    }
  }

  #onClose(): void {
    clearTimeout(this.#deadline);
    this.#feed?.end();
    this.#publish.resolve(undefined);
    this.#closed.resolve();
  }
}
