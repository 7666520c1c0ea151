import { sniffLogo } from '../domain/branding.ts';
import { type CommonError, err, ok, type Result } from '../domain/result.ts';
import type { ImageResizer } from '../ports/image-resizer.ts';

/** A 1×1 transparent PNG: what the fake answers for any image it recognises. */
export const ONE_PIXEL_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0));

/**
 * `ImageResizer` without decoding: anything whose leading bytes say PNG, JPEG, GIF, WebP or
 * SVG becomes a 1×1 PNG (which fits any size); anything else is refused. `calls` counts uses.
 */
export class FakeImageResizer implements ImageResizer {
  calls = 0;

  async toPng(image: Uint8Array): Promise<Result<Uint8Array, CommonError>> {
    this.calls += 1;
    return sniffLogo(image) === undefined ? err({ kind: 'invalid-input', message: 'not an image the fake recognises' }) : ok(new Uint8Array(ONE_PIXEL_PNG));
  }
}
