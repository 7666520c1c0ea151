import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';

/*
 * Hand-built RTMP client bytes for crafted and fuzzed connections. nms answers by byte count, not
 * by turn, so a whole client conversation can be written at once.
 */

const amf = createRequire(import.meta.url)('node-media-server/src/protocol/amf.js') as {
  encodeAmf0Cmd(command: Record<string, unknown>): Buffer;
  encodeAmf0Data(message: Record<string, unknown>): Buffer;
};

const HANDSHAKE_SIZE = 1536;
export const TYPE = { setChunkSize: 1, audio: 8, video: 9, data: 18, invoke: 20 } as const;

/** C0 + C1 + C2 of the simple (digest-less) handshake. */
export function handshake(): Buffer {
  return Buffer.concat([Buffer.from([3]), Buffer.alloc(8), randomBytes(HANDSHAKE_SIZE - 8), randomBytes(HANDSHAKE_SIZE)]);
}

export interface ChunkOptions {
  readonly chunkStreamId: number;
  readonly type: number;
  readonly payload: Buffer;
  readonly streamId?: number;
  /** Declared message length; defaults to the payload's. */
  readonly length?: number;
  readonly timestamp?: number;
}

/** One message as chunks of 128 bytes (the default chunk size): a type 0 header, then type 3 ones. */
export function message({ chunkStreamId, type, payload, streamId = 0, length = payload.length, timestamp = 0 }: ChunkOptions): Buffer {
  const header = Buffer.alloc(12);
  header[0] = chunkStreamId & 0x3f;
  header.writeUIntBE(timestamp, 1, 3);
  header.writeUIntBE(length, 4, 3);
  header[7] = type;
  header.writeUInt32LE(streamId, 8);
  const parts: Buffer[] = [header];
  for (let offset = 0; offset < payload.length; offset += 128) {
    if (offset > 0) parts.push(Buffer.from([0xc0 | (chunkStreamId & 0x3f)]));
    parts.push(payload.subarray(offset, offset + 128));
  }
  return Buffer.concat(parts);
}

export function command(fields: Record<string, unknown>, streamId = 0): Buffer {
  return message({ chunkStreamId: 3, type: TYPE.invoke, payload: amf.encodeAmf0Cmd(fields), streamId });
}

export function connect(options: { app?: string; tcUrl?: string | null } = {}): Buffer {
  const app = options.app ?? 'live';
  const cmdObj: Record<string, unknown> = { app, type: 'nonprivate', flashVer: 'FMLE/3.0' };
  if (options.tcUrl !== null) cmdObj['tcUrl'] = options.tcUrl ?? `rtmp://127.0.0.1/${app}`;
  return command({ cmd: 'connect', transId: 1, cmdObj });
}

export function createStream(): Buffer {
  return command({ cmd: 'createStream', transId: 2, cmdObj: null });
}

export function publish(streamName: string): Buffer {
  return command({ cmd: 'publish', transId: 3, cmdObj: null, streamName, type: 'live' }, 1);
}

export function play(streamName: string): Buffer {
  return command({ cmd: 'play', transId: 3, cmdObj: null, streamName }, 1);
}

export function metadata(fields: Record<string, unknown>): Buffer {
  const payload = amf.encodeAmf0Data({ cmd: '@setDataFrame', method: 'onMetaData', dataObj: fields });
  return message({ chunkStreamId: 4, type: TYPE.data, payload, streamId: 1 });
}

/** A tiny AVC keyframe tag body (not decodable, but parsed by nms as a keyframe). */
export function videoKeyframe(timestamp: number): Buffer {
  return message({ chunkStreamId: 6, type: TYPE.video, payload: Buffer.from([0x17, 1, 0, 0, 0, 0, 0, 0, 1, 0x65]), streamId: 1, timestamp });
}

/** Everything a broadcaster sends up to its first media: handshake, connect, createStream, publish. */
export function publishConversation(streamKey: string): Buffer {
  return Buffer.concat([handshake(), connect(), createStream(), publish(streamKey)]);
}
