import type { NmsRtmp, NmsRtmpSession } from './nms-internals.ts';

/** What one connection's parser may allocate; mutable so a connection can raise it once its publisher is authorized. */
export interface RtmpParserLimits {
  /** Largest RTMP message (declared length) accepted; nms would allocate up to 16 MB for it up front. */
  maxMessageBytes: number;
  /** Distinct chunk stream ids; nms keeps a packet (and its payload buffer) for each one forever. */
  maxChunkStreams: number;
}

/** A peer broke the RTMP protocol or one of our limits; the connection must be closed. */
export class RtmpProtocolError extends Error {
  override readonly name = 'RtmpProtocolError';
}

/** RTMP allows chunk sizes 1..2^31-1; nms accepts anything, and 0 turns its parser's arithmetic into NaN. */
const MAX_CHUNK_SIZE = 0x7fffffff;

/**
 * Makes one nms RTMP session safe to expose: every byte the peer sends is parsed inside a
 * try/catch (nms throws from its socket data handler on crafted input, e.g. a `connect` without
 * `tcUrl` does `new URL(undefined)`, which would otherwise kill the process), and the parser's
 * allocations and invariants are checked. Any violation calls `onViolation` once, and the
 * session ignores further data. Call before `session.run()`.
 */
export function hardenRtmpSession(session: NmsRtmpSession, limits: RtmpParserLimits, onViolation: (error: unknown) => void): void {
  // Otherwise every open connection, even a silent one, pins 1 MiB.
  session.rtmp.flv = undefined;
  guardParser(session.rtmp, limits);
  const parse = session.onData;
  let failed = false;
  session.onData = (data) => {
    if (failed) return;
    try {
      parse(data);
    } catch (error) {
      failed = true;
      onViolation(error);
    }
  };
}

function guardParser(rtmp: NmsRtmp, limits: RtmpParserLimits): void {
  const proto = Object.getPrototypeOf(rtmp) as NmsRtmp;
  rtmp.packetParse = () => {
    proto.packetParse.call(rtmp);
    if (rtmp.inPackets.size > limits.maxChunkStreams) {
      throw new RtmpProtocolError(`more than ${limits.maxChunkStreams} chunk streams`);
    }
    // A type 0/1 header in the middle of a message can shrink its length below the bytes already
    // read; nms's payload loop then moves its read offset backwards and parses bytes it already
    // consumed (or, across reads, indexes before the buffer) as if they were new chunks.
    const packet = rtmp.parserPacket;
    if (packet.bytes > packet.header.length) {
      throw new RtmpProtocolError(`chunk header shrinks a message to ${packet.header.length} bytes after ${packet.bytes} were read`);
    }
  };
  rtmp.packetAlloc = () => {
    const length = rtmp.parserPacket.header.length;
    if (length > limits.maxMessageBytes) {
      throw new RtmpProtocolError(`message of ${length} bytes exceeds the limit of ${limits.maxMessageBytes}`);
    }
    proto.packetAlloc.call(rtmp);
  };
  rtmp.controlHandler = () => {
    proto.controlHandler.call(rtmp);
    const size = rtmp.inChunkSize;
    if (!Number.isInteger(size) || size < 1 || size > MAX_CHUNK_SIZE) {
      throw new RtmpProtocolError(`invalid chunk size ${size}`);
    }
  };
}
