/**
 * `npm run bench [name…]`: runs the benchmarks under bench/ one after another (all by default).
 * Each prints its figures as ratios against a baseline measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = fs.readdirSync(here).filter((name) => fs.existsSync(path.join(here, name, 'run.ts')));
const chosen = process.argv.slice(2);
for (const name of chosen) if (!available.includes(name)) throw new Error(`no benchmark "${name}"; there are: ${available.join(', ')}`);
let failed = false;
for (const name of chosen.length > 0 ? chosen : available) {
  const result = spawnSync(process.execPath, [path.join(here, name, 'run.ts')], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
