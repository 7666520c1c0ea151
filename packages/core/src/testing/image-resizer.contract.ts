import { describe, expect, it } from 'vitest';
import type { ImageResizer } from '../ports/image-resizer.ts';
import { ONE_PIXEL_PNG } from './fake-image-resizer.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const text = (s: string) => new TextEncoder().encode(s);
/** A 300×150 SVG: wider than tall, so the aspect ratio shows. */
export const WIDE_SVG = text('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"><rect width="300" height="150" fill="#3a6"/></svg>');

/** The `ImageResizer` contract. */
export function describeImageResizerContract(make: () => Promise<ImageResizer> | ImageResizer): void {
  describe('ImageResizer contract', () => {
    it('answers a PNG that fits the size, for PNG and SVG input, leaving the input alone', async () => {
      const resizer = await make();
      for (const input of [ONE_PIXEL_PNG, WIDE_SVG]) {
        const before = Array.from(input);
        const result = await resizer.toPng(input, { maxSize: 64 });
        if (!result.ok) throw new Error(result.error.message);
        expect(Array.from(result.value.subarray(0, 8))).toEqual(PNG_SIGNATURE);
        const { width, height } = pngSize(result.value);
        expect(width).toBeLessThanOrEqual(64);
        expect(height).toBeLessThanOrEqual(64);
        expect(width * height).toBeGreaterThan(0);
        expect(Array.from(input)).toEqual(before);
      }
    });

    it('refuses what is not an image with invalid-input', async () => {
      const resizer = await make();
      for (const junk of [new Uint8Array(), text('hello'), text('<html><body>hi</body></html>'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 1, 2, 3)]) {
        expect(await resizer.toPng(junk, { maxSize: 64 })).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.any(String) } });
      }
    });
  });
}
