/** One stored file and the content type it is served with. */
export interface StoredAsset {
  readonly body: Uint8Array;
  readonly contentType: string;
}

/** Content types an `AssetStore` keeps; anything else is a programming error. */
export const ASSET_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'image/x-icon'] as const;
export type AssetContentType = (typeof ASSET_CONTENT_TYPES)[number];

/** Asset names: 1 to 64 lower-case letters, digits and `-` (safe as a file name on any system). */
export const ASSET_NAME = /^[a-z0-9-]{1,64}$/;

/** The `AssetStore.put` preconditions every implementation enforces; answers the content type. */
export function checkAssetPut(name: string, contentType: string): AssetContentType {
  if (!ASSET_NAME.test(name)) throw new RangeError(`not an asset name: ${JSON.stringify(name)}`);
  const type = ASSET_CONTENT_TYPES.find((t) => t === contentType);
  if (type === undefined) throw new RangeError(`not an asset content type: ${JSON.stringify(contentType)}`);
  return type;
}

/**
 * The few files the admin uploads to brand the server (the logo, its resized copy, the favicon),
 * kept under fixed names and replaced whole. Not for video or emoji, which have their own ports.
 */
export interface AssetStore {
  /**
   * Stores `asset` under `name`, replacing what was there (also when its content type differs).
   * Once this resolves, `get` answers the new asset, also after a restart for durable stores.
   * @throws RangeError for a name not matching `ASSET_NAME` or a content type outside
   *   `ASSET_CONTENT_TYPES` (callers check uploads before storing them).
   */
  put(name: string, asset: StoredAsset): Promise<void>;
  /** A copy of the asset; `undefined` when missing or for any string that is not a valid name. */
  get(name: string): Promise<StoredAsset | undefined>;
  /** Removes the asset; `false` when there was none (or the name is not valid). */
  delete(name: string): Promise<boolean>;
}
