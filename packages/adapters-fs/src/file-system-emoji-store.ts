import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkEmojiUpload,
  type CommonError,
  DEFAULT_EMOJI_MAX_BYTES,
  EMOJI_IMAGE_TYPES,
  EMOJI_PUBLIC_PATH,
  type Emoji,
  emojiContentType,
  type EmojiImageType,
  type EmojiStore,
  isEmojiName,
  ok,
  parseEmojiFile,
  type Result,
} from '@hexcast/core';
import { writeFileAtomically } from './atomic-write.ts';
import { isNotAnObject } from './fs-errors.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { readOwnFile, removeNamedFiles } from './own-files.ts';
import { RealFolder } from './real-folder.ts';

export interface FileSystemEmojiStoreOptions {
  /** The folder holding the images, created on first use. It may itself be a symbolic link. */
  readonly dir: string;
  /** The URL path the HTTP adapter serves the folder under (default `/img/emoji`). */
  readonly publicPath?: string;
  /** The largest image accepted, in bytes (default 512 KiB). */
  readonly maxBytes?: number;
}

/**
 * `EmojiStore` in a local folder (Owncast's `data/emoji`): one file per emoji, `<name>.<type>`
 * with the type told by the image's content (`png`, `gif`, `jpg`, `webp`), written atomically.
 * Saving a name again with another type removes the old file. Files other than `<name>.<type>`
 * and symbolic links are neither listed nor served.
 */
export class FileSystemEmojiStore implements EmojiStore {
  readonly #dir: RealFolder;
  readonly #publicPath: string;
  readonly #maxBytes: number;
  /** Saves and deletes of one name run in turn, so the type-replacing cleanup never races. */
  readonly #writes = new KeyedQueue();

  constructor(options: FileSystemEmojiStoreOptions) {
    const maxBytes = options.maxBytes ?? DEFAULT_EMOJI_MAX_BYTES;
    if (options.dir === '') throw new Error('FileSystemEmojiStore needs a folder');
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError(`maxBytes must be a whole number of bytes ≥ 1, got ${maxBytes}`);
    this.#dir = new RealFolder(options.dir, 'emoji folder');
    this.#publicPath = (options.publicPath ?? EMOJI_PUBLIC_PATH).replace(/\/+$/, '');
    this.#maxBytes = maxBytes;
  }

  /**
   * Reads the folder each time. Should a crash between writing a new type and removing the old
   * one leave two files for a name, the one modified last is listed.
   */
  async list(): Promise<Emoji[]> {
    const dir = await this.#dir.resolve();
    const types = new Map<string, EmojiImageType[]>();
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      // Regular files only: temporary files, folders and symbolic links are not emoji.
      const parsed = entry.isFile() ? parseEmojiFile(entry.name) : undefined;
      if (parsed !== undefined) types.set(parsed.name, [...(types.get(parsed.name) ?? []), parsed.type]);
    }
    const emoji = await Promise.all(
      [...types.keys()].sort().map(async (name) => {
        const found = types.get(name)!;
        const type = found.length === 1 ? found[0] : await newestType(dir, name, found);
        return type && this.#emoji(name, type);
      }),
    );
    return emoji.filter((e) => e !== undefined);
  }

  /** @throws when the folder cannot be written; refusals of the name or image are results. */
  async save(name: string, image: Uint8Array): Promise<Result<Emoji, CommonError>> {
    const checked = checkEmojiUpload(name, image, this.#maxBytes);
    if (!checked.ok) return checked;
    const type = checked.value;
    // `new Uint8Array` copies even a Buffer, whose slice() would share the caller's memory.
    const copy = new Uint8Array(image);
    await this.#writes.run(name, async () => {
      const dir = await this.#dir.resolve();
      try {
        await writeFileAtomically(join(dir, `${name}.${type}`), copy);
        await removeImages(dir, name, type);
      } catch (error) {
        throw new Error(`could not store the emoji ${name} in ${dir}`, { cause: error });
      }
    });
    return ok(this.#emoji(name, type));
  }

  async delete(name: string): Promise<boolean> {
    if (!isEmojiName(name)) return false;
    return this.#writes.run(name, async () => {
      const dir = await this.#dir.resolve();
      try {
        return (await removeImages(dir, name)) > 0;
      } catch (error) {
        throw new Error(`could not delete the emoji ${name} from ${dir}`, { cause: error });
      }
    });
  }

  /** Only `<name>.<type>` answers: paths, other extensions and symbolic links are `undefined`. */
  async get(file: string): Promise<{ body: Uint8Array; contentType: string } | undefined> {
    const parsed = parseEmojiFile(file);
    if (parsed === undefined) return undefined;
    const dir = await this.#dir.resolve();
    const body = await readOwnFile(join(dir, file)).catch((error: unknown) => {
      throw new Error(`could not read the emoji ${file} from ${dir}`, { cause: error });
    });
    return body && { body, contentType: emojiContentType(parsed.type) };
  }

  #emoji(name: string, type: EmojiImageType): Emoji {
    return { name, url: `${this.#publicPath}/${name}.${type}` };
  }
}

/** The type whose file was modified last; `undefined` if all were deleted meanwhile. */
async function newestType(dir: string, name: string, types: readonly EmojiImageType[]): Promise<EmojiImageType | undefined> {
  const modified = await Promise.all(
    types.map((type) =>
      lstat(join(dir, `${name}.${type}`)).then(
        (stats) => ({ type, at: stats.mtimeMs }),
        (error: unknown) => {
          if (isNotAnObject(error)) return undefined;
          throw error;
        },
      ),
    ),
  );
  return modified.reduce((newest, file) => (file !== undefined && (newest === undefined || file.at > newest.at) ? file : newest), undefined)?.type;
}

/** Removes the files of `name`, except the one of type `keep`; answers how many there were. */
function removeImages(dir: string, name: string, keep?: EmojiImageType): Promise<number> {
  return removeNamedFiles(dir, name, EMOJI_IMAGE_TYPES, keep);
}
