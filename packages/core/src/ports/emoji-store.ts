import type { CommonError, Result } from '../domain/result.ts';
import type { Emoji } from './chat-renderer.ts';

/** Custom emoji images (served under `/img/emoji/`). */
export interface EmojiStore {
  /** Every emoji, sorted by name. */
  list(): Promise<Emoji[]>;
  /**
   * Adds or replaces `name` (letters, digits, `_` and `-`, at most 64) with an image. Refuses
   * anything that is not a PNG, GIF, JPEG or WebP image by its content (never by the name), and
   * images over the size limit, with `invalid-input` and a message.
   */
  save(name: string, image: Uint8Array): Promise<Result<Emoji, CommonError>>;
  /** `false` when there was no such emoji. */
  delete(name: string): Promise<boolean>;
  /** The image and its content type for `/img/emoji/<file>`; `undefined` when missing. */
  get(file: string): Promise<{ body: Uint8Array; contentType: string } | undefined>;
}
