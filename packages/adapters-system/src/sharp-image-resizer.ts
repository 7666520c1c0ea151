import sharp from 'sharp';
import { type CommonError, err, ok, type Result, type ImageResizer } from '@hexcast/core';

/** Pixels sharp may decode from one upload (a 2 MiB file can declare a huge canvas). */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * `ImageResizer` with sharp (libvips): decodes PNG, JPEG, GIF, WebP and SVG (librsvg), takes the
 * first frame of animations, and writes a PNG.
 */
export class SharpImageResizer implements ImageResizer {
  async toPng(image: Uint8Array, options: { readonly maxSize: number }): Promise<Result<Uint8Array, CommonError>> {
    try {
      const png = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .resize(options.maxSize, options.maxSize, { fit: 'inside', withoutEnlargement: true })
        .png()
        .toBuffer();
      return ok(new Uint8Array(png.buffer, png.byteOffset, png.byteLength));
    } catch (cause) {
      return err({ kind: 'invalid-input', message: `not a readable image (${firstLine(cause)})` });
    }
  }
}

function firstLine(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0]!.slice(0, 200);
}
