import { checkEmojiUpload, DEFAULT_EMOJI_MAX_BYTES, EMOJI_PUBLIC_PATH, emojiContentType, type EmojiImageType, parseEmojiFile } from '../domain/emoji.ts';
import { type CommonError, ok, type Result } from '../domain/result.ts';
import type { Emoji } from '../ports/chat-renderer.ts';
import type { EmojiStore } from '../ports/emoji-store.ts';
import { compareStrings } from './port-semantics.ts';

/** `EmojiStore` in a map, with the same checks and URLs (`/img/emoji/<name>.<type>`) as the file system adapter. */
export class InMemoryEmojiStore implements EmojiStore {
  readonly #images = new Map<string, { type: EmojiImageType; body: Uint8Array }>();
  readonly #maxBytes: number;

  constructor(options: { readonly maxBytes?: number } = {}) {
    this.#maxBytes = options.maxBytes ?? DEFAULT_EMOJI_MAX_BYTES;
  }

  async list(): Promise<Emoji[]> {
    return [...this.#images.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([name, { type }]) => emojiOf(name, type));
  }

  async save(name: string, image: Uint8Array): Promise<Result<Emoji, CommonError>> {
    const checked = checkEmojiUpload(name, image, this.#maxBytes);
    if (!checked.ok) return checked;
    // new Uint8Array(x) copies even when x is a Node Buffer, whose slice() would share memory.
    this.#images.set(name, { type: checked.value, body: new Uint8Array(image) });
    return ok(emojiOf(name, checked.value));
  }

  async delete(name: string): Promise<boolean> {
    return this.#images.delete(name);
  }

  async get(file: string): Promise<{ body: Uint8Array; contentType: string } | undefined> {
    const parsed = parseEmojiFile(file);
    const image = parsed && this.#images.get(parsed.name);
    if (parsed === undefined || image?.type !== parsed.type) return undefined;
    return { body: new Uint8Array(image.body), contentType: emojiContentType(image.type) };
  }
}

function emojiOf(name: string, type: EmojiImageType): Emoji {
  return { name, url: `${EMOJI_PUBLIC_PATH}/${name}.${type}` };
}
