import type { ChatContext } from './chat-context.ts';

export interface PruneOptions {
  /** messages older than this are deleted */
  readonly maxAgeMs: number;
  /** and only this many of the newest are kept */
  readonly keepLatest: number;
  /** how often to prune */
  readonly everyMs: number;
}

export const DEFAULT_PRUNE_OPTIONS: PruneOptions = { maxAgeMs: 14 * 24 * 60 * 60 * 1000, keepLatest: 5000, everyMs: 60 * 60 * 1000 };

/** Keeps chat history bounded: prunes at start and then on a timer. */
export class ChatPruner {
  readonly #ctx: ChatContext;
  readonly #options: PruneOptions;
  #stop: (() => void) | undefined;
  #running: Promise<void> | undefined;

  constructor(ctx: ChatContext, options: PruneOptions) {
    this.#ctx = ctx;
    this.#options = options;
  }

  start(): void {
    if (this.#stop !== undefined) return;
    this.#stop = this.#ctx.clock.setInterval(() => void this.prune(), this.#options.everyMs);
    void this.prune();
  }

  stop(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  /** One prune (skipped while one is still running); failures are logged, the timer carries on. */
  prune(): Promise<void> {
    this.#running ??= (async () => {
      try {
        const olderThan = new Date(this.#ctx.clock.now().getTime() - this.#options.maxAgeMs);
        const deleted = await this.#ctx.messages.prune({ olderThan, keepLatest: this.#options.keepLatest });
        if (deleted > 0) this.#ctx.logger.info({ deleted }, 'pruned old chat messages');
      } catch (error) {
        this.#ctx.logger.error({ err: error }, 'chat pruning failed');
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }
}
