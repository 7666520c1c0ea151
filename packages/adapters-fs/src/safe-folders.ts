import { lstat, mkdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode, isNotAnObject } from './fs-errors.ts';

/**
 * Creates `root/folders[0]/folders[1]/…` one level at a time and returns its path, refusing any
 * level that is a symbolic link or a file. `mkdir -p` would follow a planted link and create
 * (then write) outside the root. `root` must be a real path.
 */
export async function ensureFolder(root: string, folders: readonly string[]): Promise<string> {
  let folder = root;
  for (const name of folders) {
    folder = join(folder, name);
    // Usually the folder exists already, so one lstat is all a write of a segment pays.
    let stats = await lstat(folder).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (stats === undefined) {
      await mkdir(folder).catch((error: unknown) => {
        if (errorCode(error) !== 'EEXIST') throw error; // another writer made it meanwhile
      });
      stats = await lstat(folder);
    }
    if (!stats.isDirectory()) throw new Error(`${folder} is ${stats.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}`);
  }
  return folder;
}

/**
 * Whether `path` exists and no part of it below the (real) root is a symbolic link: its real path
 * is then the path itself. `false` when missing.
 */
export async function isOwnPath(path: string): Promise<boolean> {
  try {
    return (await realpath(path)) === path;
  } catch (error) {
    if (isNotAnObject(error)) return false;
    throw error;
  }
}
