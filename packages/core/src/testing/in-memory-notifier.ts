import type { NotificationChannel } from '../domain/integrations.ts';
import type { GoLiveNotice, Notifier } from '../ports/notifier.ts';

export interface InMemoryNotifierOptions {
  /** default 'DISCORD' */
  readonly channel?: NotificationChannel;
  /** Who gets notified, in order; default one destination, 'default'. */
  readonly destinations?: readonly string[];
  /** Destinations whose delivery fails, as an unreachable webhook's would. */
  readonly failing?: readonly string[];
}

/** One notice that reached a destination. */
export interface SentNotice {
  readonly destination: string;
  readonly notice: GoLiveNotice;
}

/** A `Notifier` that records what it delivers instead of sending it. */
export class InMemoryNotifier implements Notifier {
  readonly channel: NotificationChannel;
  /** Every delivery that succeeded, oldest first. */
  readonly sent: SentNotice[] = [];
  readonly #destinations: readonly string[];
  readonly #failing: ReadonlySet<string>;

  constructor(options: InMemoryNotifierOptions = {}) {
    this.channel = options.channel ?? 'DISCORD';
    this.#destinations = [...(options.destinations ?? ['default'])];
    this.#failing = new Set(options.failing);
  }

  async notifyGoLive(notice: GoLiveNotice): Promise<{ delivered: number; failed: number }> {
    let failed = 0;
    for (const destination of this.#destinations) {
      if (this.#failing.has(destination)) failed++;
      else this.sent.push({ destination, notice: { ...notice } });
    }
    return { delivered: this.#destinations.length - failed, failed };
  }
}
