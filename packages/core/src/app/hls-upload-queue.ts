import { playlistSegmentKeys } from '../domain/hls.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { VideoStorage } from '../ports/video-storage.ts';
import { errorReason } from './error-reason.ts';
import { SegmentWindow } from './segment-window.ts';

/** Delays between attempts of one upload: doubling from `initialMs`, capped at `maxMs`. */
export interface UploadBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_UPLOAD_BACKOFF: UploadBackoff = { initialMs: 250, maxMs: 5_000 };
/**
 * Segment uploads at once (playlists, small and waited on, do not count). One, in arrival order:
 * a stream's segments share one uplink, so parallel requests only split its bandwidth and make
 * every segment later (bench/s3 on loopback: p50 lag 1.67× the plain PutObject loop at 6 at a
 * time, 1.18× at 2, 0.97× at 1, p99 1.68× at 2, 1.07× at 1). Round trips to a distant bucket
 * add up per segment, but 3 variants × 200 ms is still far below a segment's length, and a
 * bucket slower than the stream costs dropped segments, never memory.
 */
const CONCURRENCY = 1;
/** A segment no playlist has named after this many playlists of its folder is never going to be. */
const UNNAMED_PLAYLISTS_BEFORE_DROP = 3;
/** The shortest time between two warnings about dropped segments. */
const DROP_WARNING_INTERVAL_MS = 60_000;
/** Keys whose deletion failed, kept for another try; beyond this the end-of-stream sweep removes them. */
const MAX_DOOMED_KEYS = 10_000;

interface PendingFile {
  readonly key: string;
  readonly body: Uint8Array;
  readonly contentType: string;
  /** Never dropped by a window (the offline clip). */
  readonly pinned: boolean;
  named: boolean;
  unnamedPlaylists: number;
  attempt: number;
  uploading: boolean;
  cancelRetry: (() => void) | undefined;
}

interface PlaylistVersion {
  readonly text: string;
  readonly names: readonly string[];
  uploaded: boolean;
}

interface PlaylistState {
  readonly contentType: string;
  latest: PlaylistVersion;
  /** The segments the version now in the bucket names, and those it stopped naming. */
  readonly inBucket: SegmentWindow;
  attempt: number;
  uploading: boolean;
  cancelRetry: (() => void) | undefined;
}

/**
 * Mirrors one stream's variant playlists and segments into remote object storage without ever
 * making the transcoder wait: files are queued in memory and uploaded in the background.
 *
 * - A playlist is uploaded only once every segment it names is in the bucket; only the newest
 *   version of each playlist is kept, so an older one never overwrites a newer one.
 * - Failed uploads are retried with backoff until they succeed or stop mattering; a success
 *   wakes every waiting retry, so uploads catch up as soon as the bucket is back.
 * - Memory stays bounded while the bucket is unreachable: a segment that left its playlist's
 *   window before it could be uploaded is dropped (no playlist that names it is ever uploaded).
 * - Segments that left the uploaded playlist's window are deleted a few playlists later.
 * - The first failure of an outage is a warning (admins see it); recovery is logged too.
 */
export class HlsUploadQueue {
  readonly #storage: VideoStorage;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #backoff: UploadBackoff;
  readonly #pending = new Map<string, PendingFile>();
  readonly #playlists = new Map<string, PlaylistState>();
  readonly #uploaded = new Set<string>();
  readonly #doomed = new Set<string>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #waiters = new Set<() => void>();
  #uploading = 0;
  #deleting = false;
  #closed = false;
  #outage: { since: Date; dropped: number } | undefined;
  #lastDropWarning: number | undefined;
  #droppedSinceWarning = 0;

  constructor(deps: { storage: VideoStorage; logger: Logger; clock: Clock; backoff?: UploadBackoff }) {
    this.#storage = deps.storage;
    this.#logger = deps.logger;
    this.#clock = deps.clock;
    this.#backoff = deps.backoff ?? DEFAULT_UPLOAD_BACKOFF;
  }

  /** Queues a segment of a variant folder (`0/…ts`). */
  segment(key: string, body: Uint8Array, contentType: string): void {
    this.#enqueue(key, body, contentType, false);
  }

  /** Queues a file that playlists may name but no window retires (the offline clip). */
  file(key: string, body: Uint8Array, contentType: string): void {
    this.#enqueue(key, body, contentType, true);
  }

  /** Queues the newest version of a variant playlist, replacing any version not yet uploaded. */
  playlist(key: string, text: string, contentType: string): void {
    if (this.#closed) return;
    const names = playlistSegmentKeys(key, text);
    this.#dropUnnamed(key, new Set(names));
    const version: PlaylistVersion = { text, names, uploaded: false };
    const state = this.#playlists.get(key);
    if (state === undefined) this.#playlists.set(key, { contentType, latest: version, inBucket: new SegmentWindow(), attempt: 0, uploading: false, cancelRetry: undefined });
    else state.latest = version;
    this.#pump();
  }

  /** Replaces every playlist's newest version by `edit(text)` (ending them with the offline clip). */
  rewritePlaylists(edit: (text: string) => string): void {
    for (const [key, state] of this.#playlists) {
      const text = edit(state.latest.text);
      state.latest = { text, names: playlistSegmentKeys(key, text), uploaded: false };
    }
    this.#pump();
  }

  /** Whether every key (segment, file or playlist: some version of it) has been uploaded and not deleted since. */
  isUploaded(keys: readonly string[]): boolean {
    return keys.every((key) => this.#uploaded.has(key));
  }

  /** Resolves `true` once `condition()` holds (checked after every upload), `false` after `timeoutMs`. */
  async until(condition: (queue: HlsUploadQueue) => boolean, timeoutMs: number): Promise<boolean> {
    if (condition(this)) return true;
    return new Promise<boolean>((resolve) => {
      const check = () => {
        if (!condition(this) && !this.#closed) return;
        settle(!this.#closed);
      };
      const cancelTimer = this.#clock.setTimeout(() => settle(false), timeoutMs);
      const settle = (value: boolean) => {
        this.#waiters.delete(check);
        cancelTimer();
        resolve(value);
      };
      this.#waiters.add(check);
    });
  }

  /** Whether nothing is left to upload: every file is in the bucket with the newest playlists. */
  get drained(): boolean {
    return this.#pending.size === 0 && [...this.#playlists.values()].every((state) => state.latest.uploaded);
  }

  /** Stops: pending uploads are forgotten, and this resolves once the requests under way have settled. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const file of this.#pending.values()) file.cancelRetry?.();
    for (const state of this.#playlists.values()) state.cancelRetry?.();
    this.#pending.clear();
    for (const check of [...this.#waiters]) check();
    await Promise.allSettled([...this.#inFlight]);
  }

  #enqueue(key: string, body: Uint8Array, contentType: string, pinned: boolean): void {
    if (this.#closed) return;
    this.#pending.get(key)?.cancelRetry?.();
    this.#uploaded.delete(key);
    this.#pending.set(key, { key, body, contentType, pinned, named: false, unnamedPlaylists: 0, attempt: 0, uploading: false, cancelRetry: undefined });
    this.#pump();
  }

  /** Drops waiting segments of the playlist's folder that its newest version left behind. */
  #dropUnnamed(playlistKey: string, names: Set<string>): void {
    const folder = playlistKey.slice(0, playlistKey.lastIndexOf('/') + 1);
    let dropped = 0;
    for (const file of this.#pending.values()) {
      if (file.pinned || !file.key.startsWith(folder)) continue;
      if (names.has(file.key)) {
        file.named = true;
        continue;
      }
      file.unnamedPlaylists += 1;
      if (!file.named && file.unnamedPlaylists < UNNAMED_PLAYLISTS_BEFORE_DROP) continue;
      file.cancelRetry?.();
      this.#pending.delete(file.key);
      dropped += 1;
    }
    if (dropped === 0) return;
    if (this.#outage !== undefined) this.#outage.dropped += dropped;
    this.#droppedSinceWarning += dropped;
    // At most one warning a minute: an outage drops a segment per variant every few seconds.
    const now = this.#clock.now().getTime();
    if (this.#lastDropWarning !== undefined && now - this.#lastDropWarning < DROP_WARNING_INTERVAL_MS) return;
    this.#logger.warn({ playlist: playlistKey, dropped: this.#droppedSinceWarning }, 'video segments left the live window before they could be uploaded to object storage; dropped');
    this.#lastDropWarning = now;
    this.#droppedSinceWarning = 0;
  }

  #pump(): void {
    if (this.#closed) return;
    for (const file of this.#pending.values()) {
      if (this.#uploading >= CONCURRENCY) break;
      if (!file.uploading && file.cancelRetry === undefined) this.#track(this.#uploadFile(file));
    }
    let playlistsUploading = false;
    for (const [key, state] of this.#playlists) {
      const ready = !state.latest.uploaded && !state.uploading && state.cancelRetry === undefined && this.isUploaded(state.latest.names);
      if (ready) this.#track(this.#uploadPlaylist(key, state));
      playlistsUploading ||= state.uploading;
    }
    // Deleting is never urgent: it waits until no upload is under way, so as not to slow one down.
    if (this.#uploading === 0 && !playlistsUploading) this.#flushDeletes();
  }

  #track(work: Promise<void>): void {
    this.#inFlight.add(work);
    void work.finally(() => {
      this.#inFlight.delete(work);
      for (const check of [...this.#waiters]) check();
      this.#pump();
    });
  }

  async #uploadFile(file: PendingFile): Promise<void> {
    file.uploading = true;
    this.#uploading += 1;
    try {
      await this.#storage.put(file.key, file.body, file.contentType);
      if (this.#pending.get(file.key) === file) {
        this.#pending.delete(file.key);
        this.#uploaded.add(file.key);
      } else if (!this.#pending.has(file.key)) this.#doom([file.key]); // dropped while on its way: nothing will name it
      this.#succeeded();
    } catch (error) {
      file.attempt += 1;
      if (this.#pending.get(file.key) === file) file.cancelRetry = this.#retryLater(file.attempt, () => (file.cancelRetry = undefined));
      this.#failed(error);
    } finally {
      file.uploading = false;
      this.#uploading -= 1;
    }
  }

  async #uploadPlaylist(key: string, state: PlaylistState): Promise<void> {
    const version = state.latest;
    state.uploading = true;
    try {
      await this.#storage.put(key, new TextEncoder().encode(version.text), state.contentType);
      version.uploaded = true;
      state.attempt = 0;
      this.#uploaded.add(key);
      // Segments the bucket's playlist stopped naming are deleted once more than a few have piled up.
      this.#doom(state.inBucket.advance(version.names));
      this.#succeeded();
    } catch (error) {
      state.attempt += 1;
      state.cancelRetry = this.#retryLater(state.attempt, () => (state.cancelRetry = undefined));
      this.#failed(error);
    } finally {
      state.uploading = false;
    }
  }

  #doom(keys: readonly string[]): void {
    for (const key of keys) {
      this.#uploaded.delete(key);
      this.#doomed.add(key);
    }
    for (const key of this.#doomed) {
      if (this.#doomed.size <= MAX_DOOMED_KEYS) break;
      this.#doomed.delete(key);
    }
  }

  #flushDeletes(): void {
    if (this.#deleting || this.#closed || this.#doomed.size === 0 || this.#outage !== undefined) return;
    const batch = [...this.#doomed];
    this.#deleting = true;
    const work = this.#storage.delete(batch).then(
      () => {
        for (const key of batch) this.#doomed.delete(key);
      },
      (error: unknown) => this.#failed(error),
    );
    this.#track(work.finally(() => (this.#deleting = false)));
  }

  #retryLater(attempt: number, ready: () => void): () => void {
    const delay = Math.min(this.#backoff.maxMs, this.#backoff.initialMs * 2 ** (attempt - 1));
    return this.#clock.setTimeout(() => {
      ready();
      this.#pump();
    }, delay);
  }

  #succeeded(): void {
    const outage = this.#outage;
    if (outage === undefined) return;
    this.#outage = undefined;
    const seconds = Math.round((this.#clock.now().getTime() - outage.since.getTime()) / 1000);
    this.#logger.info({ outageSeconds: seconds, droppedSegments: outage.dropped }, 'video object storage is reachable again; uploads are catching up');
    // The bucket is back: retries waiting out their backoff go now.
    for (const file of this.#pending.values()) this.#retryNow(file);
    for (const state of this.#playlists.values()) this.#retryNow(state);
  }

  #retryNow(item: { cancelRetry: (() => void) | undefined }): void {
    item.cancelRetry?.();
    item.cancelRetry = undefined;
  }

  #failed(error: unknown): void {
    if (this.#closed || this.#outage !== undefined) return;
    this.#outage = { since: this.#clock.now(), dropped: 0 };
    this.#logger.warn({ reason: errorReason(error) }, 'video object storage is unreachable or refusing uploads: retrying with backoff; the stream goes on, but viewers using the bucket stall until it is back');
  }
}
