import { type CommonError, err, ok, type Result } from './result.ts';

/** Pure helpers for custom emoji: names, image types told by content, and what chat may show. */

/** Where browsers load custom emoji from, as Owncast serves them. */
export const EMOJI_PUBLIC_PATH = '/img/emoji';

/** 512 KiB: plenty for an animated emoji, small enough to keep uploads cheap. */
export const DEFAULT_EMOJI_MAX_BYTES = 512 * 1024;

const CONTENT_TYPES = { png: 'image/png', gif: 'image/gif', jpg: 'image/jpeg', webp: 'image/webp' } as const;

/** The image types an emoji may be, named by the file extension it is stored under. */
export type EmojiImageType = keyof typeof CONTENT_TYPES;

export const EMOJI_IMAGE_TYPES: readonly EmojiImageType[] = ['png', 'gif', 'jpg', 'webp'];

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Letters, digits, `_` and `-`, 1 to 64 of them: safe in a file name, a URL and a `:shortcode:`. */
export function isEmojiName(name: string): boolean {
  return NAME.test(name);
}

/** The content type an emoji of this type is served with. */
export function emojiContentType(type: EmojiImageType): string {
  return CONTENT_TYPES[type];
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const SIGNATURES: readonly { type: EmojiImageType; offset: number; bytes: readonly number[] }[] = [
  { type: 'png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'gif', offset: 0, bytes: ascii('GIF87a') },
  { type: 'gif', offset: 0, bytes: ascii('GIF89a') },
  { type: 'jpg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  // RIFF, a 4-byte size, then the form type: WEBP (WAVE and AVI share the RIFF prefix).
  { type: 'webp', offset: 8, bytes: ascii('WEBP') },
];
const RIFF = ascii('RIFF');

const startsWith = (image: Uint8Array, bytes: readonly number[], offset = 0) => image.length >= offset + bytes.length && bytes.every((b, i) => image[offset + i] === b);

/**
 * The image type by its magic bytes, never by a name; `undefined` for anything else. SVG is
 * refused on purpose: it can carry scripts.
 */
export function sniffEmojiImage(image: Uint8Array): EmojiImageType | undefined {
  for (const { type, offset, bytes } of SIGNATURES) {
    if (startsWith(image, bytes, offset) && (type !== 'webp' || startsWith(image, RIFF))) return type;
  }
  return undefined;
}

/**
 * Checks an upload the way every `EmojiStore` must: the name (see `isEmojiName`), the size, then
 * the content. Answers the image type to store it as, or `invalid-input` with a message.
 */
export function checkEmojiUpload(name: string, image: Uint8Array, maxBytes: number): Result<EmojiImageType, CommonError> {
  if (!isEmojiName(name)) return err({ kind: 'invalid-input', message: 'Emoji names use letters, digits, "_" and "-", at most 64 of them' });
  if (image.length > maxBytes) return err({ kind: 'invalid-input', message: `The emoji image is larger than ${formatBytes(maxBytes)}` });
  const type = sniffEmojiImage(image);
  if (type === undefined) return err({ kind: 'invalid-input', message: 'The emoji image must be a PNG, GIF, JPEG or WebP file' });
  return ok(type);
}

function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

const FILE = /^([A-Za-z0-9_-]{1,64})\.(png|gif|jpg|webp)$/;

/**
 * Splits the file name of a stored emoji, `<name>.<type>`; `undefined` for any other string,
 * so paths, traversal and other extensions never reach storage.
 */
export function parseEmojiFile(file: string): { name: string; type: EmojiImageType } | undefined {
  const match = FILE.exec(file);
  return match ? { name: match[1]!, type: match[2] as EmojiImageType } : undefined;
}

// Plain path segments below /img/emoji/: no quotes, query, `%` (browsers read `%2e%2e` as `..`)
// or dot segments, so the image stays under /img/emoji/ once the browser resolves it.
const RENDERABLE_URL = /^\/img\/emoji\/(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+$/;

/** Whether `url` is a plain path under `/img/emoji/`: the only images chat messages may show. */
export function isEmojiImageUrl(url: string): boolean {
  return RENDERABLE_URL.test(url) && !url.split('/').some((part) => part === '.' || part === '..');
}

/**
 * Whether chat may turn `:name:` into this emoji's image: a name `isEmojiName` accepts and a URL
 * `isEmojiImageUrl` accepts. Emoji failing this are left as text.
 */
export function isRenderableEmoji(emoji: { readonly name: string; readonly url: string }): boolean {
  return isEmojiName(emoji.name) && isEmojiImageUrl(emoji.url);
}
