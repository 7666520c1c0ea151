import type { Settings } from '../domain/settings.ts';
import type { VideoStorage } from './video-storage.ts';

/** Object storage viewers fetch video from directly (a bucket, maybe behind a CDN). */
export interface RemoteVideoStorage extends VideoStorage {
  /** Lets go of connections once the stream's files are cleaned up; the storage is not used again. */
  close?(): void;
}

/**
 * Chooses, when a stream starts, where its variant playlists and segments go, from the storage
 * settings in force then (a settings change takes effect on the next stream). `undefined` keeps
 * them in the server's own `VideoStorage`. Throws for settings it cannot use: the stream is then
 * served by the server itself, with a warning.
 */
export type RemoteVideoStorageFactory = (settings: Settings['storage']) => RemoteVideoStorage | undefined;
