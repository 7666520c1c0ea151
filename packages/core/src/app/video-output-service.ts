import { PREVIEW, THUMBNAIL } from '../domain/hls.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import { isSafeStorageKey, type VideoStorage } from '../ports/video-storage.ts';
import { HlsPublisher, type LiveFile, type LiveFiles } from './hls-publisher.ts';

/** How long the ended stream (with its offline clip) stays playable before its files go. */
export const OFFLINE_CLEANUP_DELAY_MS = 5 * 60_000;

/** Files that outlive a stream: the last thumbnail and preview show while offline. */
const KEPT_AFTER_CLEANUP = new Set([THUMBNAIL, PREVIEW]);

/**
 * The video files of the server across streams: a fresh window per stream, the offline clip
 * when it ends, and removal of everything some minutes later (or when the next stream starts).
 */
export class VideoOutputService {
  readonly #storage: VideoStorage;
  readonly #clock: Clock;
  readonly #logger: Logger;
  #cancelCleanup: (() => void) | undefined;
  readonly #live: LiveFiles = new Map();

  constructor(deps: { storage: VideoStorage; clock: Clock; logger: Logger }) {
    this.#storage = deps.storage;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
  }

  /** Starts a stream's window on a clean slate (leftovers of an earlier stream are removed). */
  async beginSession(): Promise<HlsPublisher> {
    this.#cancelCleanup?.();
    this.#cancelCleanup = undefined;
    await this.clear();
    return new HlsPublisher({ storage: this.#storage, logger: this.#logger, live: this.#live });
  }

  /** Ends a stream's window with the offline clip and schedules the removal of its files. */
  async endSession(publisher: HlsPublisher, clip: { body: Uint8Array; durationSeconds: number } | undefined): Promise<void> {
    try {
      await publisher.finish(clip);
    } catch (error) {
      this.#logger.warn({ err: error }, 'could not append the offline clip');
    }
    this.#cancelCleanup?.();
    this.#cancelCleanup = this.#clock.setTimeout(() => {
      this.#cancelCleanup = undefined;
      this.clear().catch((error: unknown) => this.#logger.error({ err: error }, 'could not remove the ended stream’s video'));
    }, OFFLINE_CLEANUP_DELAY_MS);
  }

  /** Removes every video file but the thumbnail and preview. */
  async clear(): Promise<void> {
    for (const key of this.#live.keys()) if (!KEPT_AFTER_CLEANUP.has(key)) this.#live.delete(key);
    const keys = (await this.#storage.list('')).filter((key) => !KEPT_AFTER_CLEANUP.has(key));
    if (keys.length > 0) await this.#storage.delete(keys);
  }

  /**
   * A stored file for `/hls/*` and thumbnails; `undefined` for missing or unsafe keys. Files of
   * the live window come from memory without a copy: callers must not mutate the bytes.
   */
  async get(key: string): Promise<LiveFile | undefined> {
    if (!isSafeStorageKey(key)) return undefined;
    return this.#live.get(key) ?? this.#storage.get(key);
  }

  /** Cancels the pending cleanup timer (at shutdown). */
  stop(): void {
    this.#cancelCleanup?.();
    this.#cancelCleanup = undefined;
  }
}
