import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { errorCode } from './fs-errors.ts';

// The random part makes concurrent writers of one key use different files; the fixed shape lets
// `list` skip them and `put` refuse keys that would look like one.
const TEMP_NAME = /^\.hexcast-[0-9a-f]{16}\.tmp$/;

/** Whether a file name is one of `writeFileAtomically`'s temporary files. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/**
 * Writes `body` to `file` so that readers, and a reader after the process crashes, see either the
 * old file or the whole new one: the bytes go to a temporary file in the same folder (so on the
 * same file system), which then replaces `file` with one `rename`. The folder must exist.
 *
 * There is no fsync: a live window is worthless after a power cut, and syncing every segment
 * would add latency to each one. After an OS crash a file may therefore be empty or truncated.
 */
export async function writeFileAtomically(file: string, body: Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.hexcast-${randomBytes(8).toString('hex')}.tmp`);
  try {
    // 'wx': never write into a file someone else created under the same name.
    await writeFile(temp, body, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    // Leave no temporary file behind, but report why the write failed rather than why the
    // cleanup did. On EEXIST the file is not ours to remove.
    if (errorCode(error) !== 'EEXIST') await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
