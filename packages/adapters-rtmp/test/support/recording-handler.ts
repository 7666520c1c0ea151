import { err, ok, type CommonError, type InboundStreamDetails, type IngestHandler, type PublishRequest, type PublishStarted, type Result } from '@hexcast/core';

export type HandlerEvent =
  | { readonly type: 'authorize'; readonly at: number; readonly request: PublishRequest; readonly accepted: boolean }
  | { readonly type: 'started'; readonly at: number; readonly sessionId: string; readonly details: InboundStreamDetails }
  | { readonly type: 'metadata'; readonly at: number; readonly sessionId: string; readonly details: InboundStreamDetails }
  | { readonly type: 'ended'; readonly at: number; readonly sessionId: string };

/** What a publisher's media stream delivered to the handler. */
export interface ReceivedMedia {
  readonly bytes: () => number;
  /** Everything received so far. */
  readonly data: () => Buffer;
  /** Settles when the stream ends (resolves) or errors (rejects). */
  readonly done: Promise<void>;
}

export interface RecordingHandlerOptions {
  /** Stream keys that may publish. */
  readonly keys: readonly string[];
  /** Refuse everyone while a publisher is live ("stream already running", as StreamService does). */
  readonly onePublisher?: boolean;
  /** The verdict arrives this late, to prove the adapter holds the publisher meanwhile. */
  readonly authorizeDelayMs?: number;
  /** Leave media unread (a stuck consumer). */
  readonly ignoreMedia?: boolean;
}

/** A test `IngestHandler` that records every call (with performance.now() times) and drains media. */
export class RecordingHandler implements IngestHandler {
  readonly events: HandlerEvent[] = [];
  readonly media = new Map<string, ReceivedMedia>();
  readonly streams = new Map<string, ReadableStream<Uint8Array>>();
  readonly #options: RecordingHandlerOptions;
  readonly #live = new Set<string>();

  constructor(options: RecordingHandlerOptions) {
    this.#options = options;
  }

  async authorizePublish(request: PublishRequest): Promise<Result<void, CommonError>> {
    if (this.#options.authorizeDelayMs !== undefined) await new Promise((r) => setTimeout(r, this.#options.authorizeDelayMs));
    const verdict: Result<void, CommonError> = !this.#options.keys.includes(request.streamKey)
      ? err({ kind: 'unauthorized', message: 'invalid stream key' })
      : this.#options.onePublisher === true && this.#live.size > 0
        ? err({ kind: 'conflict', message: 'stream already running' })
        : ok(undefined);
    this.events.push({ type: 'authorize', at: performance.now(), request, accepted: verdict.ok });
    return verdict;
  }

  async publishStarted(started: PublishStarted): Promise<void> {
    this.#live.add(started.sessionId);
    this.events.push({ type: 'started', at: performance.now(), sessionId: started.sessionId, details: started.details });
    this.streams.set(started.sessionId, started.media);
    if (this.#options.ignoreMedia !== true) this.media.set(started.sessionId, drain(started.media));
  }

  metadataReceived(sessionId: string, details: InboundStreamDetails): void {
    this.events.push({ type: 'metadata', at: performance.now(), sessionId, details });
  }

  async publishEnded(sessionId: string): Promise<void> {
    this.#live.delete(sessionId);
    this.events.push({ type: 'ended', at: performance.now(), sessionId });
  }

  of<T extends HandlerEvent['type']>(type: T): Extract<HandlerEvent, { type: T }>[] {
    return this.events.filter((event): event is Extract<HandlerEvent, { type: T }> => event.type === type);
  }
}

function drain(stream: ReadableStream<Uint8Array>): ReceivedMedia {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const done = (async () => {
    for await (const chunk of stream) {
      chunks.push(chunk);
      bytes += chunk.byteLength;
    }
  })();
  done.catch(() => undefined);
  return { bytes: () => bytes, data: () => Buffer.concat(chunks), done };
}

/** The tag types (8 audio, 9 video, 18 script) of an FLV byte stream, header skipped. */
export function flvTagTypes(flv: Buffer): number[] {
  const types: number[] = [];
  for (let offset = 13; offset + 11 <= flv.length; offset += 11 + flv.readUIntBE(offset + 1, 3) + 4) types.push(flv[offset] ?? -1);
  return types;
}
