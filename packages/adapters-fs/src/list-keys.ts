import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSafeStorageKey } from '@hexcast/core';
import { isTempName } from './atomic-write.ts';
import { isNotAnObject } from './fs-errors.ts';

/**
 * A temporary file older than this is a leftover of a process that died between writing and
 * renaming it (a live write takes milliseconds), so listing removes it.
 */
export const STALE_TEMP_FILE_MS = 60_000;

/**
 * The keys of the regular files under `root` that start with `prefix` (plain string comparison,
 * as object stores do), sorted by code unit. Skips temporary files (removing stale ones, see
 * `STALE_TEMP_FILE_MS`), keys `get` would refuse, and symbolic links, which are neither listed
 * nor followed: they are not objects this storage wrote.
 */
export async function listKeys(root: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  await collect(root, '', prefix, keys);
  return keys.sort();
}

async function collect(folder: string, relative: string, prefix: string, keys: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (isNotAnObject(error)) return; // removed while we walked
    throw error;
  }
  await Promise.all(
    entries.map(async (entry) => {
      const key = `${relative}${entry.name}`;
      if (entry.isDirectory()) {
        const child = `${key}/`;
        // Only descend where a match can be: below the prefix, or on the way down to it.
        if (child.startsWith(prefix) || prefix.startsWith(child)) await collect(join(folder, entry.name), child, prefix, keys);
      } else if (entry.isFile() && isTempName(entry.name)) {
        await removeIfStale(join(folder, entry.name));
      } else if (entry.isFile() && key.startsWith(prefix) && isSafeStorageKey(key)) {
        keys.push(key);
      }
    }),
  );
}

async function removeIfStale(file: string): Promise<void> {
  try {
    if (Date.now() - (await stat(file)).mtimeMs > STALE_TEMP_FILE_MS) await rm(file, { force: true });
  } catch (error) {
    if (!isNotAnObject(error)) throw error; // renamed into place or removed meanwhile
  }
}
