import { join } from 'node:path';
import { ASSET_CONTENT_TYPES, ASSET_NAME, type AssetContentType, type AssetStore, assetExtension, checkAssetPut, type StoredAsset } from '@hexcast/core';
import { writeFileAtomically } from './atomic-write.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { readOwnFile, removeNamedFiles } from './own-files.ts';
import { RealFolder } from './real-folder.ts';

/**
 * `AssetStore` in a local folder (`<datadir>/assets`): one file per asset, `<name>.<ext>` with
 * the extension naming its content type (`logo.svg`, `favicon.ico`), written atomically. Putting
 * a name again with another type removes the old file. Symbolic links are never served.
 */
export class FileSystemAssetStore implements AssetStore {
  readonly #dir: RealFolder;
  readonly #writes = new KeyedQueue();

  constructor(options: { readonly dir: string }) {
    if (options.dir === '') throw new Error('FileSystemAssetStore needs a folder');
    this.#dir = new RealFolder(options.dir, 'assets folder');
  }

  async put(name: string, asset: StoredAsset): Promise<void> {
    const type = checkAssetPut(name, asset.contentType);
    const copy = new Uint8Array(asset.body);
    await this.#writes.run(name, async () => {
      const dir = await this.#dir.resolve();
      try {
        await writeFileAtomically(join(dir, `${name}.${assetExtension(type)}`), copy);
        await removeFiles(dir, name, type);
      } catch (error) {
        throw new Error(`could not store the asset ${name} in ${dir}`, { cause: error });
      }
    });
  }

  async get(name: string): Promise<StoredAsset | undefined> {
    if (!ASSET_NAME.test(name)) return undefined;
    const dir = await this.#dir.resolve();
    for (const contentType of ASSET_CONTENT_TYPES) {
      const body = await readOwnFile(join(dir, `${name}.${assetExtension(contentType)}`)).catch((error: unknown) => {
        throw new Error(`could not read the asset ${name} from ${dir}`, { cause: error });
      });
      if (body !== undefined) return { body, contentType };
    }
    return undefined;
  }

  async delete(name: string): Promise<boolean> {
    if (!ASSET_NAME.test(name)) return false;
    return this.#writes.run(name, async () => (await removeFiles(await this.#dir.resolve(), name)) > 0);
  }
}

/** Removes the files of `name` except the one of type `keep`; answers how many there were. */
function removeFiles(dir: string, name: string, keep?: AssetContentType): Promise<number> {
  return removeNamedFiles(dir, name, ASSET_CONTENT_TYPES.map(assetExtension), keep && assetExtension(keep));
}
