import { type AssetStore, checkAssetPut, type StoredAsset } from '../ports/asset-store.ts';

/** `AssetStore` in a map, with the adapter's name and content-type rules. */
export class InMemoryAssetStore implements AssetStore {
  readonly #assets = new Map<string, StoredAsset>();

  async put(name: string, asset: StoredAsset): Promise<void> {
    checkAssetPut(name, asset.contentType);
    this.#assets.set(name, { body: new Uint8Array(asset.body), contentType: asset.contentType });
  }

  async get(name: string): Promise<StoredAsset | undefined> {
    const asset = this.#assets.get(name);
    return asset && { body: new Uint8Array(asset.body), contentType: asset.contentType };
  }

  async delete(name: string): Promise<boolean> {
    return this.#assets.delete(name);
  }
}
