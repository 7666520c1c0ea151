import type { NmsBroadcast, NmsSubscriber } from './nms/nms-internals.ts';

export interface FlvMediaFeedOptions {
  /** Subscriber id inside nms's broadcast; unique per feed. */
  readonly id: string;
  /** Bytes the consumer may leave unread; beyond that the feed fails and `onOverflow` runs. */
  readonly maxQueuedBytes: number;
  readonly onOverflow: (queuedBytes: number) => void;
}

/**
 * A publisher's media as a web `ReadableStream` of FLV bytes, fed by an internal subscriber on the
 * nms broadcast (the same shape as nms's own record session). Attaching replays the broadcast's
 * FLV header, metadata, sequence headers and GOP cache, then live tags follow.
 *
 * nms pushes and never looks at back-pressure, so the queue is bounded here: when the consumer
 * leaves more than `maxQueuedBytes` unread, the stream errors (dropping the queue) and
 * `onOverflow` lets the owner drop the publisher. Cancelling the stream detaches the subscriber;
 * the publisher itself is not affected.
 */
export class FlvMediaFeed {
  readonly stream: ReadableStream<Uint8Array>;
  readonly #options: FlvMediaFeedOptions;
  readonly #controller: ReadableStreamDefaultController<Uint8Array>;
  readonly #subscriber: NmsSubscriber;
  #broadcast: NmsBroadcast | undefined;
  #open = true;

  constructor(options: FlvMediaFeedOptions) {
    this.#options = options;
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (c) => {
          controller = c;
        },
        cancel: () => this.#detach(),
      },
      { highWaterMark: options.maxQueuedBytes, size: (chunk) => chunk.byteLength },
    );
    if (controller === undefined) throw new Error('ReadableStream did not call start() synchronously');
    this.#controller = controller;
    this.#subscriber = { id: options.id, ip: '', protocol: 'flv', endTime: 0, sendBuffer: (buffer) => this.#push(buffer) };
  }

  /** Subscribes to `broadcast`; the cached header, metadata, sequence headers and GOP are queued at once. */
  attach(broadcast: NmsBroadcast): void {
    if (!this.#open || this.#broadcast !== undefined) return;
    this.#broadcast = broadcast;
    broadcast.postPlay(this.#subscriber);
  }

  /** The publisher left: the consumer still reads what is queued, then the stream ends. */
  end(): void {
    if (!this.#open) return;
    this.#detach();
    this.#controller.close();
  }

  /** Ends the stream with `error`, discarding what is queued. */
  fail(error: Error): void {
    if (!this.#open) return;
    this.#detach();
    this.#controller.error(error);
  }

  #push(buffer: Buffer): void {
    if (!this.#open) return;
    // A copy: nms shares some buffers between subscribers and slices small ones from Node's pool,
    // so the consumer gets chunks nobody else can change or detach.
    this.#controller.enqueue(new Uint8Array(buffer));
    const desired = this.#controller.desiredSize ?? 0;
    if (desired < 0) {
      const queued = this.#options.maxQueuedBytes - desired;
      this.fail(new Error(`the media consumer fell behind: ${queued} bytes queued (limit ${this.#options.maxQueuedBytes})`));
      this.#options.onOverflow(queued);
    }
  }

  #detach(): void {
    this.#open = false;
    this.#broadcast?.donePlay(this.#subscriber);
    this.#broadcast = undefined;
  }
}
