import type { NmsAvPacket } from './nms/nms-internals.ts';

export interface FlvMediaFeedOptions {
  /** Bytes the consumer may leave unread; beyond that the feed fails and `onOverflow` runs. */
  readonly maxQueuedBytes: number;
  readonly onOverflow: (queuedBytes: number) => void;
}

/** The FLV file header as nms writes it: version 1, audio and video flags both set, no tags yet. */
const FLV_HEADER = Uint8Array.of(0x46, 0x4c, 0x56, 0x01, 0x05, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00);
const TAG_HEADER_BYTES = 11;
const PREVIOUS_TAG_SIZE_BYTES = 4;
/** FLV tag types a publisher's media comes in: audio, video, script data (onMetaData). */
const FLV_TAG_TYPES = new Set([8, 9, 18]);
/** Bytes per slab the tags are written into; a bigger tag gets a slab of its own size. */
const SLAB_BYTES = 256 * 1024;

/**
 * A publisher's media as a web `ReadableStream` of FLV bytes: the FLV header, then one tag per
 * RTMP audio, video or data message, in the order nms's parser hands them over.
 *
 * Tags are written straight from the parser's packets (one copy: nms reuses `packet.data`) into
 * a slab, and `flush()` hands everything since the last flush to the consumer as one chunk, so
 * the owner calls it once per socket read: one chunk (and one write to ffmpeg) per read instead
 * of one per RTMP message, with no added latency. Chunks are views of a slab; they are never
 * written to again, but several share an ArrayBuffer, so a consumer must not transfer them.
 *
 * The producer (the socket) does not wait for the consumer, so the queue is bounded here: when
 * the consumer leaves more than `maxQueuedBytes` unread, the stream errors (dropping the queue)
 * and `onOverflow` lets the owner drop the publisher. A cancelled stream ignores further tags;
 * the publisher itself is not affected.
 */
export class FlvMediaFeed {
  readonly stream: ReadableStream<Uint8Array>;
  readonly #options: FlvMediaFeedOptions;
  readonly #controller: ReadableStreamDefaultController<Uint8Array>;
  #slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
  /** Where the bytes not yet flushed start in the slab, and where they end. */
  #start = 0;
  #end = 0;
  #open = true;

  constructor(options: FlvMediaFeedOptions) {
    this.#options = options;
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (c) => {
          controller = c;
        },
        cancel: () => void (this.#open = false),
      },
      { highWaterMark: options.maxQueuedBytes, size: (chunk) => chunk.byteLength },
    );
    if (controller === undefined) throw new Error('ReadableStream did not call start() synchronously');
    this.#controller = controller;
    this.#slab.set(FLV_HEADER);
    this.#end = FLV_HEADER.length;
  }

  /** Appends `packet` as an FLV tag (other message types are skipped); the consumer gets it at the next `flush()`. */
  push(packet: NmsAvPacket): void {
    if (!this.#open || !FLV_TAG_TYPES.has(packet.codec_type)) return;
    const { size, dts } = packet;
    const tagBytes = TAG_HEADER_BYTES + size;
    const at = this.#reserve(tagBytes + PREVIOUS_TAG_SIZE_BYTES);
    const slab = this.#slab;
    slab[at] = packet.codec_type;
    slab.writeUIntBE(size, at + 1, 3);
    // 24-bit timestamp, then its bits 24-31; stream id 0.
    slab.writeUIntBE(dts & 0xffffff, at + 4, 3);
    slab[at + 7] = (dts >>> 24) & 0xff;
    slab.writeUIntBE(0, at + 8, 3);
    packet.data.copy(slab, at + TAG_HEADER_BYTES, 0, size);
    slab.writeUInt32BE(tagBytes, at + tagBytes);
  }

  /** Hands what was pushed since the last flush to the consumer, as one chunk. */
  flush(): void {
    if (!this.#open || this.#end === this.#start) return;
    const chunk = this.#slab.subarray(this.#start, this.#end);
    this.#start = this.#end;
    this.#controller.enqueue(chunk);
    const desired = this.#controller.desiredSize ?? 0;
    if (desired < 0) {
      const queued = this.#options.maxQueuedBytes - desired;
      this.fail(new Error(`the media consumer fell behind: ${queued} bytes queued (limit ${this.#options.maxQueuedBytes})`));
      this.#options.onOverflow(queued);
    }
  }

  /** The publisher left: what was pushed is flushed, the consumer reads what is queued, then the stream ends. */
  end(): void {
    this.flush();
    if (!this.#open) return;
    this.#open = false;
    this.#controller.close();
  }

  /** Ends the stream with `error`, discarding what is queued. */
  fail(error: Error): void {
    if (!this.#open) return;
    this.#open = false;
    this.#controller.error(error);
  }

  /** Room for `bytes` more at the end of the slab; returns where they start. */
  #reserve(bytes: number): number {
    if (this.#end + bytes > this.#slab.length) {
      // Flushed bytes belong to the consumer now: a new slab, carrying over the unflushed ones.
      const pending = this.#end - this.#start;
      const slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, pending + bytes));
      this.#slab.copy(slab, 0, this.#start, this.#end);
      this.#slab = slab;
      this.#start = 0;
      this.#end = pending;
    }
    const at = this.#end;
    this.#end += bytes;
    return at;
  }
}
