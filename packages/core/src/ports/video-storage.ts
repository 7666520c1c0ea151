/**
 * Where HLS playlists and segments live once ffmpeg has written them. Keys are relative paths
 * such as `0/stream.m3u8` or `1/stream-abc123.ts`; a key never starts with `/` nor holds `..`.
 */
export interface VideoStorage {
  /** Stores (or replaces) an object. Once this resolves, `get` and the public URL return it. */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object, or `undefined` when missing. */
  get(key: string): Promise<{ body: Uint8Array; contentType: string } | undefined>;
  /** Deletes objects; missing keys are ignored. */
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Keys starting with `prefix`, compared as plain strings as object stores do (so `0/` lists
   * one folder, `0` also matches `01/…`; '' lists all), sorted ascending.
   */
  list(prefix: string): Promise<string[]>;
  /**
   * The URL viewers fetch a key from: a path on this server for local storage, a bucket or CDN
   * URL for object storage.
   */
  publicUrl(key: string): string;
}

/** Rejects keys that could escape the storage root. */
export function isSafeStorageKey(key: string): boolean {
  if (key === '' || key.length > 512 || key.startsWith('/') || key.includes('\\') || key.includes('\0')) return false;
  return key.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
