import { MASTER_PLAYLIST, OFFLINE_CLIP, appendOfflineClip, hlsContentType, isSegment, isVariantPlaylist, playlistSegmentKeys, pointPlaylistAt } from '../domain/hls.ts';
import type { Logger } from '../ports/logger.ts';
import type { HlsOutput } from '../ports/transcoder.ts';
import { isSafeStorageKey, type VideoStorage } from '../ports/video-storage.ts';
import type { HlsUploadQueue } from './hls-upload-queue.ts';
import { SegmentWindow } from './segment-window.ts';

/** A file of the live window, held in memory for serving. Its bytes are shared: never mutate them. */
export interface LiveFile {
  readonly body: Uint8Array;
  readonly contentType: string;
}

/** The live window's files by key: small (the playlists' segments plus a few), read by every viewer. */
export type LiveFiles = Map<string, LiveFile>;

/** How long the master playlist waits for its variant playlists to reach object storage before it goes out anyway. */
export const MASTER_WAITS_FOR_BUCKET_MS = 15_000;
/** How long the end of a stream waits for the last uploads (the offline clip, the ended playlists). */
export const FINISH_WAITS_FOR_BUCKET_MS = 3_000;

/** Object storage the variant playlists and segments go to, with the master playlist pointing at it. */
export interface RemoteOutput {
  readonly queue: HlsUploadQueue;
  readonly publicUrl: (key: string) => string;
}

/**
 * The live window of one stream: takes the transcoder's files, stores each playlist only after
 * the segments it names are stored, and deletes segments once they have left the window.
 *
 * With a `remote` output, variant playlists and segments go to its upload queue instead (which
 * applies the same rules in the background), and the master playlist, stored here, names them by
 * their public URLs; it is stored once the variant playlists are in the bucket (or after
 * `MASTER_WAITS_FOR_BUCKET_MS`), so the stream goes online when viewers can play it.
 */
export class HlsPublisher implements HlsOutput {
  readonly #storage: VideoStorage;
  readonly #logger: Logger;
  readonly #live: LiveFiles;
  readonly #pending = new Map<string, Promise<void>>();
  readonly #windows = new Map<string, SegmentWindow>();
  readonly #playlists = new Map<string, string>();
  readonly #remote: RemoteOutput | undefined;

  constructor(deps: { storage: VideoStorage; logger: Logger; live: LiveFiles; remote?: RemoteOutput }) {
    this.#storage = deps.storage;
    this.#logger = deps.logger;
    this.#live = deps.live;
    this.#remote = deps.remote;
  }

  async write(path: string, body: Uint8Array): Promise<void> {
    const contentType = hlsContentType(path);
    if (!isSafeStorageKey(path) || contentType === undefined) throw new Error(`refusing to store ${JSON.stringify(path)}: not an HLS file name`);
    if (this.#remote !== undefined) return this.#writeRemote(this.#remote, path, body, contentType);
    if (isSegment(path)) return this.#storeSegment(path, body, contentType);
    if (isVariantPlaylist(path)) return this.#storeVariantPlaylist(path, body, contentType);
    await this.#put(path, body, contentType);
  }

  /** Appends the offline clip to every variant playlist, ending them. */
  async finish(clip: { body: Uint8Array; durationSeconds: number } | undefined): Promise<void> {
    const remote = this.#remote;
    if (remote !== undefined) {
      if (clip !== undefined) {
        remote.queue.file(OFFLINE_CLIP, clip.body, 'video/mp2t');
        remote.queue.rewritePlaylists((text) => appendOfflineClip(text, `../${OFFLINE_CLIP}`, clip.durationSeconds));
      }
      await remote.queue.until((queue) => queue.drained, FINISH_WAITS_FOR_BUCKET_MS);
      return;
    }
    await Promise.allSettled(this.#pending.values());
    if (clip === undefined) return;
    await this.#put(OFFLINE_CLIP, clip.body, 'video/mp2t');
    for (const [path, text] of this.#playlists) {
      const ended = appendOfflineClip(text, `../${OFFLINE_CLIP}`, clip.durationSeconds);
      await this.#put(path, new TextEncoder().encode(ended), 'application/x-mpegURL');
    }
  }

  async #writeRemote(remote: RemoteOutput, path: string, body: Uint8Array, contentType: string): Promise<void> {
    if (isSegment(path)) return remote.queue.segment(path, body, contentType);
    if (isVariantPlaylist(path)) return remote.queue.playlist(path, new TextDecoder().decode(body), contentType);
    if (path !== MASTER_PLAYLIST) return this.#put(path, body, contentType);
    const text = new TextDecoder().decode(body);
    const variants = playlistSegmentKeys(path, text);
    const uploaded = await remote.queue.until((queue) => queue.isUploaded(variants), MASTER_WAITS_FOR_BUCKET_MS);
    if (!uploaded) this.#logger.warn({ variants }, 'the variant playlists are not in object storage yet; publishing the master playlist anyway');
    await this.#put(path, new TextEncoder().encode(pointPlaylistAt(path, text, remote.publicUrl)), contentType);
  }

  /** Stores a file, then serves it from memory while it is part of the live window. */
  async #put(path: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.#storage.put(path, body, contentType);
    this.#live.set(path, { body, contentType });
  }

  async #storeSegment(path: string, body: Uint8Array, contentType: string): Promise<void> {
    const stored = this.#put(path, body, contentType);
    this.#pending.set(path, stored);
    try {
      await stored;
    } finally {
      this.#pending.delete(path);
    }
  }

  async #storeVariantPlaylist(path: string, body: Uint8Array, contentType: string): Promise<void> {
    const text = new TextDecoder().decode(body);
    const segments = playlistSegmentKeys(path, text);
    // A playlist must never name a segment viewers cannot fetch yet.
    await Promise.all(segments.map((key) => this.#pending.get(key)));
    await this.#put(path, body, contentType);
    this.#playlists.set(path, text);
    await this.#retire(path, segments);
  }

  async #retire(playlist: string, segments: readonly string[]): Promise<void> {
    let window = this.#windows.get(playlist);
    if (window === undefined) this.#windows.set(playlist, (window = new SegmentWindow()));
    const expired = window.advance(segments);
    if (expired.length === 0) return;
    for (const key of expired) this.#live.delete(key);
    try {
      await this.#storage.delete(expired);
    } catch (error) {
      // The next playlist retries nothing, so say what is left behind; the end-of-stream cleanup removes it.
      this.#logger.warn({ err: error, keys: expired }, 'could not delete old segments');
    }
  }
}
