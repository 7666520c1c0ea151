import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hlsContentType, isSafeStorageKey, type VideoStorage } from '@hexcast/core';
import { isTempName, writeFileAtomically } from './atomic-write.ts';
import { ByteLruCache, type CachedObject } from './byte-lru-cache.ts';
import { errorCode, isNotAnObject } from './fs-errors.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { listKeys } from './list-keys.ts';
import { readOwnFile } from './own-files.ts';
import { RealFolder } from './real-folder.ts';
import { ensureFolder, isOwnPath } from './safe-folders.ts';

/** 64 MiB: a few 1080p segments per variant plus every playlist of the live window. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/** What `get` answers for a key with no known type (not an HLS extension, not put by this instance). */
export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

export interface FileSystemVideoStorageOptions {
  /** The folder holding the files, created on first use. It may itself be a symbolic link. */
  readonly root: string;
  /** The URL path the HTTP adapter serves the files under (default `/hls`). */
  readonly publicPath?: string;
  /** The in-memory cache's bound, in bytes of bodies (default 64 MiB); 0 turns it off. */
  readonly cacheBytes?: number;
}

/**
 * `VideoStorage` in a local folder, one file per key, written atomically (see
 * `writeFileAtomically`). Symbolic links under the root are never followed: `get` answers
 * `undefined`, `list` skips them, `put` refuses to write through a linked folder.
 *
 * Hot cache: objects put or read are kept in memory (least recently used first out, bounded by
 * `cacheBytes`, objects over a quarter of it not kept), so the live window's playlists and
 * segments, read by every viewer, are served without touching the disk. The instance assumes it
 * is the only writer of its root: a cached object stays readable through `get` even if its file
 * is removed or changed behind its back, while `list` always reads the disk.
 *
 * Content types: `get` returns the type given to `put` while this instance lives. The files carry
 * no metadata, so after a restart the type comes from the key's HLS extension (`hlsContentType`),
 * else `application/octet-stream`. Every caller in hexcast puts exactly that type.
 */
export class FileSystemVideoStorage implements VideoStorage {
  readonly #root: RealFolder;
  readonly #publicPath: string;
  readonly #cache: ByteLruCache;
  readonly #caching: boolean;
  readonly #writes = new KeyedQueue();
  /** Disk reads in flight, shared by concurrent `get`s; a write to the key drops its entry. */
  readonly #loading = new Map<string, Promise<CachedObject | undefined>>();
  /** Types given to `put` that the extension would not give back; small, as callers rarely differ. */
  readonly #contentTypes = new Map<string, string>();

  constructor(options: FileSystemVideoStorageOptions) {
    const cacheBytes = options.cacheBytes ?? DEFAULT_CACHE_BYTES;
    if (options.root === '') throw new Error('FileSystemVideoStorage needs a root folder');
    if (!Number.isSafeInteger(cacheBytes) || cacheBytes < 0) throw new RangeError(`cacheBytes must be a whole number of bytes ≥ 0, got ${cacheBytes}`);
    this.#root = new RealFolder(options.root, 'video folder');
    this.#publicPath = (options.publicPath ?? '/hls').replace(/\/+$/, '');
    this.#cache = new ByteLruCache(cacheBytes);
    this.#caching = cacheBytes > 0;
  }

  /** @throws when `key` is unsafe (see `isSafeStorageKey`) or the file cannot be written. */
  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    if (!isStorableKey(key)) throw new Error(`refusing to store ${JSON.stringify(key)}: not a safe storage key`);
    // Only a cached body must outlive the caller's changes: `new Uint8Array` copies even a Buffer,
    // whose slice() would share the caller's memory. Uncached, the bytes go straight to the file.
    const copy = this.#caching ? new Uint8Array(body) : body;
    await this.#writes.run(key, async () => {
      const root = await this.#root.resolve();
      try {
        const folders = key.split('/');
        const name = folders.pop()!;
        await writeFileAtomically(join(await ensureFolder(root, folders), name), copy);
      } catch (error) {
        throw new Error(`could not store ${key} in ${root}`, { cause: error });
      }
      // After the rename, in one synchronous step: no get can now read or cache the old file.
      this.#loading.delete(key);
      this.#cache.set(key, { body: copy, contentType });
      if (contentType === defaultContentType(key)) this.#contentTypes.delete(key);
      else this.#contentTypes.set(key, contentType);
    });
  }

  /** Cache hits never touch the disk. Unsafe keys and symbolic links answer `undefined`. */
  async get(key: string): Promise<{ body: Uint8Array; contentType: string } | undefined> {
    if (!isStorableKey(key)) return undefined;
    const object = this.#cache.get(key) ?? (await this.#load(key));
    return object && { body: new Uint8Array(object.body), contentType: object.contentType };
  }

  /** Removes the files and their cache entries; missing and unsafe keys are ignored. */
  async delete(keys: readonly string[]): Promise<void> {
    const unique = [...new Set(keys)].filter(isStorableKey);
    await Promise.all(unique.map((key) => this.#writes.run(key, () => this.#remove(key))));
  }

  /** Always reads the disk (see `listKeys`): temporary files and symbolic links are left out. */
  async list(prefix: string): Promise<string[]> {
    return listKeys(await this.#root.resolve(), prefix);
  }

  /** `<publicPath>/<key>`, unencoded as the in-memory fake has it: hexcast's keys need no escaping. */
  publicUrl(key: string): string {
    return `${this.#publicPath}/${key}`;
  }

  #load(key: string): Promise<CachedObject | undefined> {
    const pending = this.#loading.get(key);
    if (pending !== undefined) return pending;
    const load: Promise<CachedObject | undefined> = this.#read(key).then(
      (object) => {
        // A put or delete since the read began dropped this load: its bytes may be the old ones.
        if (this.#loading.get(key) !== load) return object;
        this.#loading.delete(key);
        if (object !== undefined) this.#cache.set(key, object);
        return object;
      },
      (error: unknown) => {
        if (this.#loading.get(key) === load) this.#loading.delete(key);
        throw error;
      },
    );
    this.#loading.set(key, load);
    return load;
  }

  async #read(key: string): Promise<CachedObject | undefined> {
    const root = await this.#root.resolve();
    const body = await readOwnFile(join(root, ...key.split('/'))).catch((error: unknown) => {
      throw new Error(`could not read ${key} from ${root}`, { cause: error });
    });
    return body && { body, contentType: this.#contentTypes.get(key) ?? defaultContentType(key) };
  }

  async #remove(key: string): Promise<void> {
    const root = await this.#root.resolve();
    const file = join(root, ...key.split('/'));
    // rm does not follow a link at `file` itself, but would through a linked folder above it.
    if (await isOwnPath(dirname(file))) {
      try {
        await rm(file, { force: true });
      } catch (error) {
        // A folder is not an object (`0` while `0/stream.m3u8` exists): nothing to delete.
        if (errorCode(error) !== 'ERR_FS_EISDIR' && !isNotAnObject(error)) throw new Error(`could not delete ${key} from ${root}`, { cause: error });
      }
    }
    this.#loading.delete(key);
    this.#cache.delete(key);
    this.#contentTypes.delete(key);
  }
}

/** Keys `isSafeStorageKey` accepts, minus names reserved for temporary files. */
function isStorableKey(key: string): boolean {
  return isSafeStorageKey(key) && !key.split('/').some(isTempName);
}

function defaultContentType(key: string): string {
  return hlsContentType(key) ?? FALLBACK_CONTENT_TYPE;
}
