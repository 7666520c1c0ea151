import type { IngestEndpoint, IngestHandler, IngestServer } from '../ports/ingest-server.ts';
import type { Logger } from '../ports/logger.ts';
import type { EventBus } from './event-bus.ts';
import type { SettingsService } from './settings-service.ts';

/**
 * Keeps the ingest listening where the settings say (`rtmpServerPort`, `rtmpServerAddress`):
 * a change moves the listener at once when nobody is streaming, else when the broadcaster
 * leaves, so a live stream is never cut. A `--rtmpport` flag pins the port for the run. If the
 * new address cannot be bound, the ingest goes back to the old one and the error is logged.
 */
export interface IngestEndpointKeeperDeps {
  readonly ingest: IngestServer;
  /** the stream service: it takes the publishers and knows whether one is live */
  readonly handler: IngestHandler & { readonly broadcaster: unknown };
  readonly settings: SettingsService;
  readonly events: EventBus;
  readonly logger: Logger;
  /** `--rtmpport`: the port for this run, whatever the settings say */
  readonly pinnedPort?: number;
}

export class IngestEndpointKeeper {
  readonly #deps: IngestEndpointKeeperDeps;
  #current: IngestEndpoint | undefined;
  #moves: Promise<void> = Promise.resolve();
  #stopped = false;
  readonly #unsubscribe: Array<() => void> = [];

  constructor(deps: IngestEndpointKeeperDeps) {
    this.#deps = deps;
  }

  /** Where the ingest listens now; `undefined` before `start`. */
  get current(): IngestEndpoint | undefined {
    return this.#current;
  }

  /** Starts the ingest where the settings say and begins following them. */
  async start(): Promise<void> {
    const endpoint = this.#desired();
    await this.#deps.ingest.start(this.#deps.handler, endpoint);
    this.#current = endpoint;
    const { events } = this.#deps;
    this.#unsubscribe.push(events.on('settings-changed', (event) => (event.section === 'server' ? this.#follow() : undefined)));
    this.#unsubscribe.push(events.on('broadcaster-disconnected', () => this.#follow()));
  }

  /** Stops following and waits for a move under way; the caller stops the ingest. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    await this.#moves;
  }

  #desired(): IngestEndpoint {
    const server = this.#deps.settings.get('server');
    return { port: this.#deps.pinnedPort ?? server.rtmpServerPort, host: server.rtmpServerAddress };
  }

  #follow(): void {
    this.#moves = this.#moves.then(() => this.#move());
  }

  async #move(): Promise<void> {
    const wanted = this.#desired();
    if (this.#stopped || this.#deps.handler.broadcaster !== null) return;
    const current = this.#current;
    if (current === undefined || (wanted.port === current.port && wanted.host === current.host)) return;
    const { ingest, handler, logger } = this.#deps;
    await ingest.stop();
    try {
      await ingest.start(handler, wanted);
      logger.info({ port: wanted.port, host: wanted.host }, 'RTMP ingest moved to the new address');
      this.#current = wanted;
    } catch (error) {
      logger.error({ err: error, port: wanted.port, host: wanted.host }, 'cannot listen on the new RTMP address; staying on the old one');
      await ingest.start(handler, current);
    }
  }
}
