import { assetExtension, BRANDING_ASSETS, type BrandingAsset, checkUpload, EXTERNAL_LOGO_SIZE, MAX_FAVICON_BYTES, MAX_LOGO_BYTES, sniffFavicon, sniffLogo } from '../domain/branding.ts';
import { type CommonError, err, ok, type Result } from '../domain/result.ts';
import type { AssetStore, StoredAsset } from '../ports/asset-store.ts';
import type { ImageResizer } from '../ports/image-resizer.ts';
import { decodeBase64 } from './chat/emoji-service.ts';
import type { SettingsService } from './settings-service.ts';

export interface BrandingServiceDeps {
  readonly settings: SettingsService;
  /** without it uploads are `unavailable` and the built-in images are served */
  readonly assets?: AssetStore | undefined;
  /** without it the logo is accepted as is and `/logo/external` serves the built-in image */
  readonly resizer?: ImageResizer | undefined;
}

/**
 * The uploaded logo and favicon. Uploads arrive as Owncast sends them: base64, usually a
 * `data:` URL. The logo is also kept as a PNG of at most 512 pixels, for `/logo/external` (social
 * networks want a raster image). The settings record the stored file names (`logo.png`), so
 * `/api/admin/serverconfig` shows them as Owncast does.
 */
export class BrandingService {
  readonly #deps: BrandingServiceDeps;

  constructor(deps: BrandingServiceDeps) {
    this.#deps = deps;
  }

  async setLogo(data: string): Promise<Result<void, CommonError>> {
    const { assets, resizer, settings } = this.#deps;
    if (assets === undefined) return unavailable();
    const image = decodeBase64(data);
    if (image === undefined) return err({ kind: 'invalid-input', message: 'the logo must be a base64-encoded image (a data: URL)' });
    const type = checkUpload('logo', image, { maxBytes: MAX_LOGO_BYTES, sniff: sniffLogo, types: 'a PNG, JPEG, GIF, WebP or SVG image' });
    if (!type.ok) return type;
    const external = resizer === undefined ? undefined : await resizer.toPng(image, { maxSize: EXTERNAL_LOGO_SIZE });
    if (external !== undefined && !external.ok) return err({ kind: 'invalid-input', message: `the logo could not be read as an image: ${external.error.message}` });
    await assets.put(BRANDING_ASSETS.logo, { body: image, contentType: type.value });
    if (external === undefined) await assets.delete(BRANDING_ASSETS.externalLogo);
    else await assets.put(BRANDING_ASSETS.externalLogo, { body: external.value, contentType: 'image/png' });
    const updated = await settings.update('appearance', { logo: `logo.${assetExtension(type.value)}` });
    return updated.ok ? ok(undefined) : updated;
  }

  async setFavicon(data: string): Promise<Result<void, CommonError>> {
    const { assets, settings } = this.#deps;
    if (assets === undefined) return unavailable();
    const image = decodeBase64(data);
    if (image === undefined) return err({ kind: 'invalid-input', message: 'the favicon must be a base64-encoded PNG or ICO file (a data: URL)' });
    const type = checkUpload('favicon', image, { maxBytes: MAX_FAVICON_BYTES, sniff: sniffFavicon, types: 'a PNG or ICO file' });
    if (!type.ok) return type;
    await assets.put(BRANDING_ASSETS.favicon, { body: image, contentType: type.value });
    const updated = await settings.update('appearance', { favicon: `favicon.${assetExtension(type.value)}` });
    return updated.ok ? ok(undefined) : updated;
  }

  /** Back to the built-in favicon; resetting twice is fine. */
  async resetFavicon(): Promise<Result<void, CommonError>> {
    await this.#deps.assets?.delete(BRANDING_ASSETS.favicon);
    const updated = await this.#deps.settings.update('appearance', { favicon: '' });
    return updated.ok ? ok(undefined) : updated;
  }

  /** An uploaded image; `undefined` means "serve the built-in one". */
  async asset(name: BrandingAsset): Promise<StoredAsset | undefined> {
    return this.#deps.assets?.get(name);
  }
}

function unavailable(): Result<never, CommonError> {
  return err({ kind: 'unavailable', message: 'image uploads are not configured on this server' });
}
