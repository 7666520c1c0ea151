import type { CommonError, Result } from '../domain/result.ts';
import { InboundStreamDetailsSchema, type InboundStreamDetails } from '../domain/video.ts';
import type { IngestHandler, IngestServer } from '../ports/ingest-server.ts';

export interface FakePublish {
  readonly streamKey: string;
  /** defaults to a fresh id per call */
  readonly sessionId?: string;
  readonly remoteAddr?: string;
  readonly details?: Partial<InboundStreamDetails>;
}

/**
 * An `IngestServer` whose broadcasters are test calls. Like the RTMP adapter, it calls
 * `publishEnded` exactly once per accepted session, whether the publisher leaves or is dropped.
 */
export class FakeIngestServer implements IngestServer {
  /** Session ids passed to `disconnect`, in order. */
  readonly disconnected: string[] = [];
  #handler: IngestHandler | undefined;
  readonly #sessions = new Map<string, ReadableStreamDefaultController<Uint8Array>>();
  #nextSession = 1;

  get started(): boolean {
    return this.#handler !== undefined;
  }

  /** Ids of accepted publishers that have not ended. */
  get sessionIds(): string[] {
    return [...this.#sessions.keys()];
  }

  async start(handler: IngestHandler): Promise<void> {
    if (this.#handler !== undefined) throw new Error('the fake ingest server is already started');
    this.#handler = handler;
  }

  /** A broadcaster connects: authorisation, then (if accepted) media starts flowing. */
  async publish(request: FakePublish): Promise<Result<void, CommonError>> {
    const handler = this.#requireHandler();
    const sessionId = request.sessionId ?? `session-${this.#nextSession++}`;
    const remoteAddr = request.remoteAddr ?? '203.0.113.7';
    const authorized = await handler.authorizePublish({ sessionId, streamKey: request.streamKey, remoteAddr });
    if (!authorized.ok) return authorized;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const media = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    this.#sessions.set(sessionId, controller);
    await handler.publishStarted({ sessionId, remoteAddr, details: InboundStreamDetailsSchema.parse(request.details ?? {}), media });
    return authorized;
  }

  /** The broadcaster leaves on its own (or its connection drops). Unknown ids are ignored. */
  async leave(sessionId: string): Promise<void> {
    const controller = this.#sessions.get(sessionId);
    if (controller === undefined) return;
    this.#sessions.delete(sessionId);
    try {
      controller.close();
    } catch {
      // The consumer may already have cancelled the stream; closing it again is meaningless.
    }
    await this.#requireHandler().publishEnded(sessionId);
  }

  disconnect(sessionId: string): void {
    this.disconnected.push(sessionId);
    void this.leave(sessionId);
  }

  async stop(): Promise<void> {
    for (const sessionId of this.sessionIds) await this.leave(sessionId);
    this.#handler = undefined;
  }

  #requireHandler(): IngestHandler {
    if (this.#handler === undefined) throw new Error('the fake ingest server is not started');
    return this.#handler;
  }
}
