import { err, ok, type CommonError, type Result } from '../../domain/result.ts';
import type { Emoji } from '../../ports/chat-renderer.ts';
import type { EmojiStore } from '../../ports/emoji-store.ts';

/**
 * Custom emoji through the `EmojiStore` port, with the list cached for rendering every chat
 * message (refreshed whenever the list is read or changed through here). Without a store the
 * list is empty and uploads are `unavailable`.
 */
export class EmojiService {
  readonly #store: EmojiStore | undefined;
  #cache: readonly Emoji[] = [];

  constructor(store: EmojiStore | undefined) {
    this.#store = store;
  }

  /** The emoji as last read (for rendering; never waits). */
  current(): readonly Emoji[] {
    return this.#cache;
  }

  async list(): Promise<Emoji[]> {
    const emoji = (await this.#store?.list()) ?? [];
    this.#cache = emoji;
    return [...emoji];
  }

  async upload(request: { name: string; data: string }): Promise<Result<Emoji, CommonError>> {
    if (this.#store === undefined) return err({ kind: 'unavailable', message: 'custom emoji are not configured on this server' });
    const image = decodeBase64(request.data);
    if (image === undefined || image.byteLength === 0) return err({ kind: 'invalid-input', message: 'data must be a base64-encoded image' });
    const saved = await this.#store.save(emojiName(request.name), image);
    if (saved.ok) await this.list();
    return saved;
  }

  async delete(name: string): Promise<Result<void, CommonError>> {
    const deleted = (await this.#store?.delete(emojiName(name))) ?? false;
    if (!deleted) return err({ kind: 'not-found', message: `no emoji ${name}` });
    await this.list();
    return ok(undefined);
  }

  async file(file: string): Promise<{ body: Uint8Array; contentType: string } | undefined> {
    return this.#store?.get(file);
  }
}

/** `party.gif`, `/img/emoji/party.gif` and `party` all name the emoji `party`. */
export function emojiName(input: string): string {
  const base = input.trim().split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Base64 (standard or URL-safe, padding optional), optionally as a `data:` URL; `undefined` when malformed. */
export function decodeBase64(data: string): Uint8Array | undefined {
  const payload = data.trim().replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload) || payload.replace(/=+$/, '').length % 4 === 1) return undefined;
  const padded = payload.replace(/=+$/, '').padEnd(Math.ceil(payload.replace(/=+$/, '').length / 4) * 4, '=');
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
