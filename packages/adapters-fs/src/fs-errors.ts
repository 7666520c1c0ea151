/** The `code` of a Node.js system error (`ENOENT`, `EEXIST`, …); `undefined` for anything else. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Codes meaning "there is no object at this path": missing, a file where a folder should be, a
 * folder where the file should be, or a loop of symbolic links.
 */
const NOT_AN_OBJECT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP']);

/** Whether `error` says the path holds no object (see `NOT_AN_OBJECT`), as opposed to an I/O failure. */
export function isNotAnObject(error: unknown): boolean {
  return NOT_AN_OBJECT.has(errorCode(error) ?? '');
}
