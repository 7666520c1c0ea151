import { err, ok, type CommonError, type Result } from '../domain/result.ts';
import type { IngestHandler, PublishRequest, PublishStarted } from '../ports/ingest-server.ts';

/** One call the ingest server made, in order. */
export type IngestCall =
  | { readonly type: 'authorize'; readonly request: PublishRequest; readonly accepted: boolean }
  | { readonly type: 'started'; readonly sessionId: string; readonly remoteAddr: string }
  | { readonly type: 'metadata'; readonly sessionId: string }
  | { readonly type: 'ended'; readonly sessionId: string };

/** How long `publishEnded` takes, so a server that does not wait for it is caught. */
const ENDING_MS = 10;

/** How a publisher's media stream finished, once it has. */
export type MediaOutcome = 'closed' | 'errored';

/**
 * The `IngestHandler` the ingest contract starts servers with: accepts the given stream keys,
 * records every call, and drains each publisher's media, counting its bytes.
 */
export class IngestContractHandler implements IngestHandler {
  readonly calls: IngestCall[] = [];
  readonly #accepted: ReadonlySet<string>;
  readonly #bytes = new Map<string, number>();
  readonly #media = new Map<string, Promise<MediaOutcome>>();

  constructor(acceptedKeys: readonly string[]) {
    this.#accepted = new Set(acceptedKeys);
  }

  async authorizePublish(request: PublishRequest): Promise<Result<void, CommonError>> {
    const accepted = this.#accepted.has(request.streamKey);
    this.calls.push({ type: 'authorize', request, accepted });
    return accepted ? ok(undefined) : err({ kind: 'unauthorized', message: 'invalid stream key' });
  }

  async publishStarted(started: PublishStarted): Promise<void> {
    this.calls.push({ type: 'started', sessionId: started.sessionId, remoteAddr: started.remoteAddr });
    this.#bytes.set(started.sessionId, 0);
    this.#media.set(started.sessionId, this.#drain(started.sessionId, started.media));
  }

  metadataReceived(sessionId: string): void {
    this.calls.push({ type: 'metadata', sessionId });
  }

  /** Takes a while, as StreamService's does (it waits for the encoder), and records when done. */
  async publishEnded(sessionId: string): Promise<void> {
    await new Promise((resolve) => globalThis.setTimeout(resolve, ENDING_MS));
    this.calls.push({ type: 'ended', sessionId });
  }

  of<T extends IngestCall['type']>(type: T): Extract<IngestCall, { type: T }>[] {
    return this.calls.filter((call): call is Extract<IngestCall, { type: T }> => call.type === type);
  }

  /** Session ids that publishStarted saw, in order. */
  get started(): string[] {
    return this.of('started').map((call) => call.sessionId);
  }

  /** Session ids whose publishEnded has completed, in order (repeats included). */
  get ended(): string[] {
    return this.of('ended').map((call) => call.sessionId);
  }

  /** Bytes read so far from a session's media. */
  bytes(sessionId: string): number {
    return this.#bytes.get(sessionId) ?? 0;
  }

  /** Settles when a session's media stream has finished. */
  mediaOutcome(sessionId: string): Promise<MediaOutcome> | undefined {
    return this.#media.get(sessionId);
  }

  async #drain(sessionId: string, media: ReadableStream<Uint8Array>): Promise<MediaOutcome> {
    const reader = media.getReader();
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) this.#bytes.set(sessionId, this.bytes(sessionId) + read.value.byteLength);
      return 'closed';
    } catch {
      return 'errored';
    }
  }
}
