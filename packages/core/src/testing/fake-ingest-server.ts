import type { CommonError, Result } from '../domain/result.ts';
import { InboundStreamDetailsSchema, type InboundStreamDetails } from '../domain/video.ts';
import type { IngestEndpoint, IngestHandler, IngestServer } from '../ports/ingest-server.ts';

interface Session {
  readonly controller: ReadableStreamDefaultController<Uint8Array>;
  /** resolves when the publisher's connection ends */
  readonly left: PromiseWithResolvers<void>;
  /** set once the session is ending: settles when its publishEnded has been delivered */
  ending?: Promise<void>;
}

export interface FakePublish {
  readonly streamKey: string;
  /** defaults to a fresh id per call */
  readonly sessionId?: string;
  readonly remoteAddr?: string;
  readonly details?: Partial<InboundStreamDetails>;
  /** What the broadcaster has sent by the time media flows (default nothing). */
  readonly media?: readonly Uint8Array[];
}

/**
 * An `IngestServer` whose broadcasters are test calls. Like the RTMP adapter, it calls
 * `publishEnded` exactly once per accepted session, whether the publisher leaves or is dropped.
 */
export class FakeIngestServer implements IngestServer {
  /** Session ids passed to `disconnect`, in order. */
  readonly disconnected: string[] = [];
  #handler: IngestHandler | undefined;
  readonly #sessions = new Map<string, Session>();
  #nextSession = 1;

  get started(): boolean {
    return this.#handler !== undefined;
  }

  /** Ids of accepted publishers that have not ended. */
  get sessionIds(): string[] {
    return [...this.#sessions].filter(([, session]) => session.ending === undefined).map(([sessionId]) => sessionId);
  }

  /** Every endpoint `start` was given (`undefined` for the built-in one), in order. */
  readonly endpoints: Array<IngestEndpoint | undefined> = [];
  /** Ports on which `start` rejects as if they were taken. */
  readonly busyPorts = new Set<number>();

  async start(handler: IngestHandler, endpoint?: IngestEndpoint): Promise<void> {
    if (this.#handler !== undefined) throw new Error('the fake ingest server is already started');
    if (endpoint !== undefined && this.busyPorts.has(endpoint.port)) throw new Error(`port ${endpoint.port} is already in use`);
    this.endpoints.push(endpoint);
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
    const media = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
        for (const chunk of request.media ?? []) c.enqueue(chunk);
      },
    });
    this.#sessions.set(sessionId, { controller, left: Promise.withResolvers<void>() });
    await handler.publishStarted({ sessionId, remoteAddr, details: InboundStreamDetailsSchema.parse(request.details ?? {}), media });
    return authorized;
  }

  /**
   * The broadcaster leaves on its own (or its connection drops); resolves once `publishEnded` has
   * been delivered. Unknown ids are ignored; a session already ending is waited for, not ended twice.
   */
  leave(sessionId: string): Promise<void> {
    const session = this.#sessions.get(sessionId);
    if (session === undefined) return Promise.resolve();
    session.ending ??= this.#end(sessionId, session);
    return session.ending;
  }

  /** Resolves once the publisher of `sessionId` has left or was dropped; at once for refused or unknown ids. */
  whenEnded(sessionId: string): Promise<void> {
    return this.#sessions.get(sessionId)?.left.promise ?? Promise.resolve();
  }

  disconnect(sessionId: string): void {
    this.disconnected.push(sessionId);
    void this.leave(sessionId);
  }

  async stop(): Promise<void> {
    // Sessions another call is already ending count too: every call waits for every publishEnded.
    await Promise.all([...this.#sessions.keys()].map((sessionId) => this.leave(sessionId)));
    this.#handler = undefined;
  }

  async #end(sessionId: string, session: Session): Promise<void> {
    const handler = this.#requireHandler();
    session.left.resolve();
    try {
      session.controller.close();
    } catch {
      // The consumer may already have cancelled the stream; closing it again is meaningless.
    }
    try {
      await handler.publishEnded(sessionId);
    } finally {
      this.#sessions.delete(sessionId);
    }
  }

  #requireHandler(): IngestHandler {
    if (this.#handler === undefined) throw new Error('the fake ingest server is not started');
    return this.#handler;
  }
}
