import type { Logger } from '../ports/logger.ts';
import type { AppEvent, AppEventOf, AppEventType } from './events.ts';

type Listener<E> = (event: E) => void | Promise<void>;

/**
 * The core's event stream. Publishing is synchronous fan-out; a listener that throws or rejects
 * is reported to the logger as an error and does not stop delivery to the others (one broken
 * subscriber, e.g. a webhook sender, must not take chat down with it).
 */
export class EventBus {
  readonly #listeners = new Map<AppEventType | '*', Set<Listener<AppEvent>>>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Subscribes to one event type; returns the unsubscribe function. */
  on<T extends AppEventType>(type: T, listener: Listener<AppEventOf<T>>): () => void {
    return this.#add(type, listener as Listener<AppEvent>);
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  onAny(listener: Listener<AppEvent>): () => void {
    return this.#add('*', listener);
  }

  publish(event: AppEvent): void {
    for (const key of [event.type, '*'] as const) {
      for (const listener of this.#listeners.get(key) ?? []) this.#deliver(listener, event);
    }
  }

  #add(key: AppEventType | '*', listener: Listener<AppEvent>): () => void {
    let set = this.#listeners.get(key);
    if (set === undefined) this.#listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  #deliver(listener: Listener<AppEvent>, event: AppEvent): void {
    const report = (error: unknown) => this.#logger.error({ err: error, event: event.type }, 'event listener failed');
    try {
      const result = listener(event);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  }
}
