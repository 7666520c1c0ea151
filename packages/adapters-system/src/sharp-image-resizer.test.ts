import { describeImageResizerContract, pngSize, WIDE_SVG } from '@hexcast/core/testing';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SharpImageResizer } from './sharp-image-resizer.ts';

describe('SharpImageResizer', () => {
  describeImageResizerContract(() => new SharpImageResizer());

  it('keeps the aspect ratio and never enlarges', async () => {
    const resizer = new SharpImageResizer();
    const wide = await resizer.toPng(WIDE_SVG, { maxSize: 100 });
    expect(wide.ok && pngSize(wide.value)).toEqual({ width: 100, height: 50 });
    const small = await sharp({ create: { width: 20, height: 40, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    const kept = await resizer.toPng(small, { maxSize: 100 });
    expect(kept.ok && pngSize(kept.value)).toEqual({ width: 20, height: 40 });
  });

  it('refuses an image declaring more pixels than it may decode', async () => {
    const huge = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"/>');
    expect(await new SharpImageResizer().toPng(huge, { maxSize: 64 })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });
});
