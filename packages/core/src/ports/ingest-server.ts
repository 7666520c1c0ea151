import type { CommonError, Result } from '../domain/result.ts';
import type { InboundStreamDetails } from '../domain/video.ts';

export interface PublishRequest {
  readonly sessionId: string;
  readonly streamKey: string;
  readonly remoteAddr: string;
}

export interface PublishStarted {
  readonly sessionId: string;
  readonly remoteAddr: string;
  readonly details: InboundStreamDetails;
  /** The broadcaster's media as FLV; closes when the publisher leaves, closes or errors when it is dropped. */
  readonly media: ReadableStream<Uint8Array>;
}

/** What the core decides about publishers; the ingest adapter calls it. */
export interface IngestHandler {
  /** Accept or refuse a publisher before any media flows (wrong key, already live, …). */
  authorizePublish(request: PublishRequest): Promise<Result<void, CommonError>>;
  /** Media is flowing from an accepted publisher. */
  publishStarted(started: PublishStarted): Promise<void>;
  /** The encoder sent (new) metadata. */
  metadataReceived(sessionId: string, details: InboundStreamDetails): void;
  /** The publisher left or was dropped. Called once per accepted session. */
  publishEnded(sessionId: string): Promise<void>;
}

/** Where an ingest server listens. */
export interface IngestEndpoint {
  readonly port: number;
  readonly host: string;
}

/** Accepts broadcasters (RTMP). */
export interface IngestServer {
  /**
   * Starts listening on `endpoint`, or on the address the adapter was built with when absent;
   * rejects if it cannot be bound. After `stop()` it may be started again, on another endpoint.
   */
  start(handler: IngestHandler, endpoint?: IngestEndpoint): Promise<void>;
  /** Drops a publisher, whose `publishEnded` follows; unknown or already ended ids are ignored. */
  disconnect(sessionId: string): void;
  /**
   * Stops listening and drops every publisher; resolves once each one's `publishEnded` has been
   * delivered. Calling it again, also concurrently, is harmless.
   */
  stop(): Promise<void>;
}
