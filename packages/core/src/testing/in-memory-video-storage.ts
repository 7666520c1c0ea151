import type { VideoStorage } from '../ports/video-storage.ts';
import { compareStrings } from './port-semantics.ts';

/** `VideoStorage` in a map; objects are served from `/hls/<key>` as the local-disk adapter does. */
export class InMemoryVideoStorage implements VideoStorage {
  readonly #objects = new Map<string, { body: Uint8Array; contentType: string }>();

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    // new Uint8Array(x) copies even when x is a Node Buffer, whose slice() would share memory.
    this.#objects.set(key, { body: new Uint8Array(body), contentType });
  }

  async get(key: string): Promise<{ body: Uint8Array; contentType: string } | undefined> {
    const object = this.#objects.get(key);
    return object && { body: new Uint8Array(object.body), contentType: object.contentType };
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.#objects.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.#objects.keys()].filter((key) => key.startsWith(prefix)).sort(compareStrings);
  }

  publicUrl(key: string): string {
    return `/hls/${key}`;
  }
}
