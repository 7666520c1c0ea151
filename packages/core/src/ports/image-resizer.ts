import type { CommonError, Result } from '../domain/result.ts';

/** Decodes images and renders smaller PNG copies (the logo shown by social networks). */
export interface ImageResizer {
  /**
   * Decodes `image` (PNG, JPEG, GIF, WebP or SVG; the first frame of an animation) and answers
   * it as a PNG fitting inside `maxSize`×`maxSize`, aspect ratio kept, never enlarged. Bytes
   * that do not decode as one of those images are `invalid-input` with a message; the input is
   * never modified.
   */
  toPng(image: Uint8Array, options: { readonly maxSize: number }): Promise<Result<Uint8Array, CommonError>>;
}
