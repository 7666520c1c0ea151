import type { AssetContentType } from '../ports/asset-store.ts';
import { sniffEmojiImage } from './emoji.ts';
import { type CommonError, err, ok, type Result } from './result.ts';

/** The asset names the branding uses in an `AssetStore`. */
export const BRANDING_ASSETS = { logo: 'logo', externalLogo: 'logo-external', favicon: 'favicon' } as const;
export type BrandingAsset = (typeof BRANDING_ASSETS)[keyof typeof BRANDING_ASSETS];

/** Largest logo upload (decoded bytes). */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** Largest favicon upload, as Owncast: 200 KB. */
export const MAX_FAVICON_BYTES = 200 * 1024;
/** The PNG copy of the logo at `/logo/external` fits in this many pixels each way. */
export const EXTERNAL_LOGO_SIZE = 512;

const EXTENSIONS: Readonly<Record<AssetContentType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'image/x-icon': 'ico',
};

/** The usual file extension of an asset content type (`logo.<ext>` in the server config). */
export function assetExtension(contentType: AssetContentType): string {
  return EXTENSIONS[contentType];
}

const RASTER: Readonly<Record<string, AssetContentType>> = { png: 'image/png', gif: 'image/gif', jpg: 'image/jpeg', webp: 'image/webp' };
// An SVG document, possibly after an XML declaration, comments and a doctype.
const SVG_START = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+svg[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>/]/i;

/** A logo's type by its content (PNG, JPEG, GIF, WebP or SVG), never by a name. */
export function sniffLogo(image: Uint8Array): AssetContentType | undefined {
  const raster = sniffEmojiImage(image);
  if (raster !== undefined) return RASTER[raster];
  const head = new TextDecoder('utf-8', { fatal: false }).decode(image.subarray(0, 4096));
  return SVG_START.test(head) ? 'image/svg+xml' : undefined;
}

/** A favicon's type by its content: PNG or ICO only. */
export function sniffFavicon(image: Uint8Array): AssetContentType | undefined {
  if (sniffEmojiImage(image) === 'png') return 'image/png';
  const isIco = image.length >= 6 && image[0] === 0 && image[1] === 0 && image[2] === 1 && image[3] === 0;
  return isIco ? 'image/x-icon' : undefined;
}

/** Checks an upload's size and type, answering its content type or `invalid-input`. */
export function checkUpload(what: string, image: Uint8Array, options: { maxBytes: number; sniff: (image: Uint8Array) => AssetContentType | undefined; types: string }): Result<AssetContentType, CommonError> {
  if (image.length === 0) return err({ kind: 'invalid-input', message: `the ${what} is empty` });
  if (image.length > options.maxBytes) return err({ kind: 'invalid-input', message: `the ${what} is larger than ${Math.floor(options.maxBytes / 1024)} KB` });
  const type = options.sniff(image);
  return type === undefined ? err({ kind: 'invalid-input', message: `the ${what} must be ${options.types}` }) : ok(type);
}
