import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

/*
 * node-media-server 4.x ships no type definitions (`@types/node-media-server` describes the v2 API)
 * and its NodeMediaServer facade is unusable for us: it listens itself and calls process.exit(1)
 * on EADDRINUSE, forces its console logger to debug and opens a JSON store. So we drive its RTMP
 * session (its broadcast registry keeps one publisher per path) and AMF modules directly under our
 * own net.Server, and take each parsed message from the session ourselves. These are the only parts
 * we touch, typed as far as we use them (checked against 4.4.3's sources).
 */

/** An FLV/RTMP packet as nms's parser produces it. `data` is reused by the parser: read it synchronously. */
export interface NmsAvPacket {
  /** FLV tag type: 8 audio, 9 video, 18 script data. */
  readonly codec_type: number;
  /** 0 audio sequence header, 1 audio frame, 2 video sequence header, 3 keyframe, 4 inter frame, 5 script data. */
  readonly flags: number;
  /** Decoding timestamp, ms (the RTMP message's clock). */
  readonly dts: number;
  readonly size: number;
  readonly data: Buffer;
}

/** One stream path's entry in nms's registry: its publisher (ours feeds its media to the transcoder itself). */
export interface NmsBroadcast {
  publisher: object | null;
  /** How long a vanished publisher is kept for a resume; 30 s by default. */
  publishGraceMs: number;
}

/** The chunk stream state nms keeps per chunk stream id while reassembling RTMP messages. */
export interface NmsRtmpPacket {
  readonly header: { readonly length: number };
  readonly bytes: number;
  readonly capacity: number;
}

/** nms's RTMP protocol parser (one per connection); the methods are the hooks our hardening wraps. */
export interface NmsRtmp {
  /** An FLV parser with a 1 MiB buffer that nms's RTMP code allocates per connection and never uses. */
  flv: unknown;
  readonly parserPacket: NmsRtmpPacket;
  readonly inPackets: Map<number, NmsRtmpPacket>;
  readonly inChunkSize: number;
  /** Reads a chunk header and selects (or creates) the chunk stream's packet. */
  packetParse(): void;
  /** Allocates the packet's payload buffer for the declared message length. */
  packetAlloc(): void;
  /** Handles protocol control messages (set chunk size, window ack size, …). */
  controlHandler(): void;
}

/** One RTMP connection. Its callbacks are instance properties read once by `run()`, so they can be wrapped before. */
export interface NmsRtmpSession {
  readonly id: string;
  /** `address:port` of the peer. */
  readonly ip: string;
  /** '' until a publish/play names a valid (`[A-Za-z0-9_-]+`) app and stream. */
  readonly streamApp: string;
  readonly streamName: string;
  readonly isPublisher: boolean;
  readonly broadcast: NmsBroadcast;
  readonly rtmp: NmsRtmp;
  run(): void;
  onData: (data: Buffer) => void;
  /** Runs on publish/play: validates the names and registers the path's broadcast in the process-wide registry. */
  onConnect: (request: { app: string; name: string }) => void;
  onPush: () => void;
  onPlay: () => void;
  /** Gets each audio, video and data message; nms's own hands it to the broadcast (caches and players). */
  onPacket: (packet: NmsAvPacket) => void;
}

interface NmsLogger {
  log(message: unknown, level?: string): void;
}

interface NmsAmf {
  decodeAmf0Data(buffer: Buffer): { cmd?: unknown; method?: unknown; dataObj?: unknown };
}

const require = createRequire(import.meta.url);

/** nms's RTMP session class (`src/session/rtmp_session.js`). */
export const RtmpSession = require('node-media-server/src/session/rtmp_session.js') as new (socket: Socket) => NmsRtmpSession;

/** nms's module-level logger: a singleton every nms module prints through (console.log, level debug). */
export const nmsLogger = require('node-media-server/src/core/logger.js') as NmsLogger;

/** nms's module-level registry (stream path → broadcast): shared by everything in this process. */
export const nmsContext = require('node-media-server/src/core/context.js') as object;

/** nms's AMF0 data message decoder (`@setDataFrame`, `onMetaData`). Throws on malformed input. */
export const decodeAmf0Data = (require('node-media-server/src/protocol/amf.js') as NmsAmf).decodeAmf0Data;
