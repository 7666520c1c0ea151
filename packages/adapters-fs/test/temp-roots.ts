import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Storage roots in one temporary folder. `next()` names a root that does not exist yet (the
 * storage creates it on demand); `outside()` makes a new folder beside the roots, for symbolic
 * links to escape to; `cleanup()` removes everything.
 */
export function createTempRoots(prefix = 'hexcast-fs-'): { readonly base: string; next(): string; outside(): string; cleanup(): void } {
  const base = mkdtempSync(join(tmpdir(), prefix));
  let counter = 0;
  return {
    base,
    next: () => join(base, `root-${++counter}`, 'hls'),
    outside: () => mkdtempSync(join(base, 'outside-')),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}
