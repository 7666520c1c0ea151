import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isNotAnObject } from './fs-errors.ts';
import { isOwnPath } from './safe-folders.ts';

/**
 * The bytes of `file` as a plain `Uint8Array` view (handing out `buffer.slice()` would share
 * memory, `Uint8Array`'s would copy); `undefined` when missing or reached through a symbolic link
 * (see `isOwnPath`). Throws for other I/O failures.
 */
export async function readOwnFile(file: string): Promise<Uint8Array | undefined> {
  try {
    if (!(await isOwnPath(file))) return undefined;
    const buffer = await readFile(file);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    if (isNotAnObject(error)) return undefined;
    throw error;
  }
}

/** Removes `<dir>/<name>.<extension>` for each extension but `keep`; answers how many files there were. */
export async function removeNamedFiles(dir: string, name: string, extensions: readonly string[], keep?: string): Promise<number> {
  const removed = await Promise.all(
    extensions
      .filter((extension) => extension !== keep)
      .map((extension) =>
        unlink(join(dir, `${name}.${extension}`)).then(
          () => 1,
          (error: unknown) => {
            if (isNotAnObject(error)) return 0;
            throw error;
          },
        ),
      ),
  );
  return removed.reduce((a, b) => a + b, 0);
}
