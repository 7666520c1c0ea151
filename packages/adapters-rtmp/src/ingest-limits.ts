/** Bounds on what one RTMP connection may cost; every field has a default. */
export interface IngestLimits {
  /** From TCP accept to an authorized publish; covers silent, stalled and slow-drip clients. */
  readonly handshakeTimeoutMs: number;
  /** No bytes in either direction for this long drops any connection, a live publisher included. */
  readonly idleTimeoutMs: number;
  /** Largest RTMP message before the publisher is authorized (connect/createStream/publish are tiny). */
  readonly preAuthMessageBytes: number;
  /** Largest RTMP message from an authorized publisher (a keyframe fits comfortably). */
  readonly messageBytes: number;
  /** Distinct RTMP chunk streams per connection (encoders use about five). */
  readonly chunkStreams: number;
  /** FLV bytes the media consumer may leave unread before the publisher is dropped. */
  readonly queuedMediaBytes: number;
  /** How long publishStarted waits for the encoder's onMetaData after the publish is authorized. */
  readonly metadataWaitMs: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  handshakeTimeoutMs: 10_000,
  idleTimeoutMs: 10_000,
  preAuthMessageBytes: 16 * 1024,
  messageBytes: 8 * 1024 * 1024,
  chunkStreams: 16,
  queuedMediaBytes: 32 * 1024 * 1024,
  metadataWaitMs: 2_000,
};
