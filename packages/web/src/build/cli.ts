/** `npm run build -w @hexcast/web`: builds the web app now (servers also build it on demand). */
import { ensureWebBuild } from './build-web.ts';

const started = performance.now();
const { dir, built } = ensureWebBuild();
process.stdout.write(`${built ? 'built' : 'up to date'}: ${dir} (${Math.round(performance.now() - started)} ms)\n`);
