import { PREVIEW, THUMBNAIL, isStreamFile } from '../domain/hls.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { RemoteVideoStorage, RemoteVideoStorageFactory } from '../ports/remote-video-storage.ts';
import { isSafeStorageKey, type VideoStorage } from '../ports/video-storage.ts';
import { errorReason } from './error-reason.ts';
import { HlsPublisher, type LiveFile, type LiveFiles } from './hls-publisher.ts';
import { HlsUploadQueue, type UploadBackoff } from './hls-upload-queue.ts';

/** How long the ended stream (with its offline clip) stays playable before its files go. */
export const OFFLINE_CLEANUP_DELAY_MS = 5 * 60_000;

/** Files that outlive a stream: the last thumbnail and preview show while offline. */
const KEPT_AFTER_CLEANUP = new Set([THUMBNAIL, PREVIEW]);

/** Where video goes beyond the server's own storage, and when it is cleaned up. */
export interface VideoOutputOptions {
  /** Object storage for the next stream's variant playlists and segments, if any (asked at each stream start). */
  readonly remoteStorage?: () => RemoteVideoStorage | undefined;
  /** How long an ended stream stays playable before its files go (default `OFFLINE_CLEANUP_DELAY_MS`). */
  readonly cleanupDelayMs?: number;
  /** Retry delays of uploads to object storage (default `DEFAULT_UPLOAD_BACKOFF`). */
  readonly uploadBackoff?: UploadBackoff;
}

/** `VideoOutputOptions` as integrators give them: object storage is chosen from the storage settings. */
export interface VideoOptions extends Omit<VideoOutputOptions, 'remoteStorage'> {
  readonly remoteStorage?: RemoteVideoStorageFactory;
}

interface RemoteSession {
  readonly storage: RemoteVideoStorage;
  readonly queue: HlsUploadQueue;
}

/**
 * The video files of the server across streams: a fresh window per stream, the offline clip
 * when it ends, and removal of everything some minutes later (or when the next stream starts).
 * A stream may put its variant playlists and segments in object storage (`remoteStorage`); the
 * master playlist, thumbnail and preview always stay in the server's own storage.
 */
export class VideoOutputService {
  readonly #storage: VideoStorage;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #options: VideoOutputOptions;
  #cancelCleanup: (() => void) | undefined;
  readonly #live: LiveFiles = new Map();
  #remote: RemoteSession | undefined;

  constructor(deps: { storage: VideoStorage; clock: Clock; logger: Logger; options?: VideoOutputOptions }) {
    this.#storage = deps.storage;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#options = deps.options ?? {};
  }

  /** Starts a stream's window on a clean slate (leftovers of an earlier stream are removed). */
  async beginSession(): Promise<HlsPublisher> {
    this.#cancelCleanup?.();
    this.#cancelCleanup = undefined;
    await this.clear();
    const remote = await this.#openRemote();
    this.#remote = remote;
    return new HlsPublisher({
      storage: this.#storage,
      logger: this.#logger,
      live: this.#live,
      ...(remote ? { remote: { queue: remote.queue, publicUrl: (key: string) => remote.storage.publicUrl(key) } } : {}),
    });
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
    }, this.#options.cleanupDelayMs ?? OFFLINE_CLEANUP_DELAY_MS);
  }

  /** Removes every video file but the thumbnail and preview, in object storage too. */
  async clear(): Promise<void> {
    for (const key of this.#live.keys()) if (!KEPT_AFTER_CLEANUP.has(key)) this.#live.delete(key);
    const remote = this.#remote;
    this.#remote = undefined;
    if (remote !== undefined) await this.#closeRemote(remote);
    const keys = (await this.#storage.list('')).filter((key) => !KEPT_AFTER_CLEANUP.has(key));
    if (keys.length > 0) await this.#storage.delete(keys);
  }

  /** The object storage chosen for a new stream, emptied of any earlier stream's files. */
  async #openRemote(): Promise<RemoteSession | undefined> {
    let storage: RemoteVideoStorage | undefined;
    try {
      storage = this.#options.remoteStorage?.();
    } catch (error) {
      this.#logger.warn({ reason: errorReason(error) }, 'object storage is enabled but its settings are unusable: this stream is served by the server itself');
      return undefined;
    }
    if (storage === undefined) return undefined;
    // Leftovers of a crash or of a cleanup that failed while the bucket was unreachable.
    await removeStreamFiles(storage).catch((error: unknown) => this.#logger.warn({ reason: errorReason(error) }, 'could not remove earlier video from object storage'));
    return { storage, queue: new HlsUploadQueue({ storage, logger: this.#logger, clock: this.#clock, ...(this.#options.uploadBackoff ? { backoff: this.#options.uploadBackoff } : {}) }) };
  }

  async #closeRemote(remote: RemoteSession): Promise<void> {
    await remote.queue.close();
    try {
      await removeStreamFiles(remote.storage);
    } catch (error) {
      this.#logger.warn({ reason: errorReason(error) }, 'could not remove the stream’s video from object storage; the next stream retries');
    } finally {
      remote.storage.close?.();
    }
  }

  /**
   * A stored file for `/hls/*` and thumbnails; `undefined` for missing or unsafe keys. Files of
   * the live window come from memory without a copy: callers must not mutate the bytes.
   */
  async get(key: string): Promise<LiveFile | undefined> {
    if (!isSafeStorageKey(key)) return undefined;
    return this.#live.get(key) ?? this.#storage.get(key);
  }

  /** Cancels the pending cleanup timer and any uploads still waiting (at shutdown). */
  stop(): void {
    this.#cancelCleanup?.();
    this.#cancelCleanup = undefined;
    void this.#remote?.queue.close();
  }
}

/** Only hexcast's own files: a bucket may hold other things under the same prefix. */
async function removeStreamFiles(storage: VideoStorage): Promise<void> {
  const keys = (await storage.list('')).filter(isStreamFile);
  if (keys.length > 0) await storage.delete(keys);
}
