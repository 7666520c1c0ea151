import { createServer, type Server, type Socket } from 'node:net';
import type { IngestEndpoint, IngestHandler, IngestServer, Logger } from '@hexcast/core';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-limits.ts';
import { claimNodeMediaServer, releaseNodeMediaServer } from './nms/nms-process-owner.ts';
import { RtmpConnection } from './rtmp-connection.ts';
import { close, listen } from './tcp-listener.ts';

export interface NodeMediaServerIngestOptions {
  /** TCP port for RTMP (Owncast's default is 1935); 0 picks a free one, see `address()`. */
  readonly port: number;
  /** Bind address; all interfaces when absent. */
  readonly host?: string;
  readonly logger: Logger;
  /** Overrides for the per-connection bounds (timeouts, message and queue sizes). */
  readonly limits?: Partial<IngestLimits>;
}

/**
 * `IngestServer` on node-media-server 4.x: accepts broadcasters on `rtmp://host:port/live/<key>`
 * and hands the handler each accepted publisher's media as an FLV `ReadableStream`.
 *
 * nms's RTMP protocol code runs under our own TCP listener (its server would `process.exit(1)`
 * on a busy port), with its parser contained per connection: crafted bytes close that socket
 * only, allocations are capped, silent or stalled clients are dropped after
 * `handshakeTimeoutMs`/`idleTimeoutMs`. Playback over RTMP is refused.
 *
 * Handler contract, per connection: `authorizePublish` before any media is accepted;
 * `publishStarted` once the encoder's onMetaData arrived (or its first media, or after
 * `metadataWaitMs`), with those details; `metadataReceived` when later metadata differs;
 * `publishEnded` exactly once for every authorized publish, after `publishStarted` settled.
 * Only one instance may run per process (nms keeps a process-wide stream registry).
 */
export class NodeMediaServerIngest implements IngestServer {
  readonly #options: NodeMediaServerIngestOptions;
  readonly #limits: IngestLimits;
  readonly #connections = new Map<string, RtmpConnection>();
  #server: Server | undefined;
  #starting = false;
  #stopping: Promise<void> | undefined;

  constructor(options: NodeMediaServerIngestOptions) {
    this.#options = options;
    this.#limits = { ...DEFAULT_INGEST_LIMITS, ...options.limits };
  }

  /**
   * Listens on `endpoint`, else on the constructor's host:port. Rejects (never exits the
   * process) when the port is busy or the ingest is already started; may start again after stop.
   */
  async start(handler: IngestHandler, endpoint?: IngestEndpoint): Promise<void> {
    if (this.#server !== undefined || this.#starting) throw new Error('the RTMP ingest is already started');
    const { logger } = this.#options;
    const port = endpoint?.port ?? this.#options.port;
    const host = endpoint?.host ?? this.#options.host;
    claimNodeMediaServer(this, logger);
    const server = createServer((socket) => this.#accept(socket, handler));
    this.#starting = true;
    try {
      await listen(server, port, host);
    } catch (error) {
      releaseNodeMediaServer(this);
      throw error;
    } finally {
      this.#starting = false;
    }
    // After a successful bind nms is out of the loop; accept errors (EMFILE, …) must not crash us.
    server.on('error', (error) => logger.error({ err: error }, 'RTMP listener error'));
    this.#server = server;
    logger.info({ port: this.address()?.port, host: host ?? '*' }, 'RTMP ingest listening');
  }

  /** The bound address while started (useful with port 0), else undefined. */
  address(): { readonly host: string; readonly port: number } | undefined {
    const address = this.#server?.address();
    return address !== null && typeof address === 'object' ? { host: address.address, port: address.port } : undefined;
  }

  /** Drops the connection `sessionId` (publisher or not); unknown ids are ignored. */
  disconnect(sessionId: string): void {
    this.#connections.get(sessionId)?.drop('disconnected by the server', 'info');
  }

  /**
   * Stops listening, drops every connection and resolves once the port is free and every
   * `publishEnded` has been delivered. Idempotent; concurrent calls share one stop.
   */
  stop(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return Promise.resolve();
    this.#stopping ??= this.#stop(server).finally(() => {
      this.#stopping = undefined;
    });
    return this.#stopping;
  }

  async #stop(server: Server): Promise<void> {
    const closed = close(server);
    const connections = [...this.#connections.values()];
    for (const connection of connections) connection.drop('the server is stopping', 'debug');
    await closed;
    await Promise.all(connections.map((connection) => connection.finished));
    releaseNodeMediaServer(this);
    this.#server = undefined;
    this.#options.logger.info({}, 'RTMP ingest stopped');
  }

  #accept(socket: Socket, handler: IngestHandler): void {
    if (this.#stopping !== undefined) {
      socket.destroy();
      return;
    }
    const connection = new RtmpConnection({ socket, handler, logger: this.#options.logger, limits: this.#limits });
    this.#connections.set(connection.id, connection);
    void connection.finished.finally(() => this.#connections.delete(connection.id));
  }
}
