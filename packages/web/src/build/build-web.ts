import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync, type Metafile } from 'esbuild';
import { PAGES, pageHtml } from './pages.ts';

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const SRC_DIR = path.join(PACKAGE_DIR, 'src');
/** Built bundles live in dist/<hash of everything that goes into them>/ (never committed; ADR 10). */
export const DIST_ROOT = path.join(PACKAGE_DIR, 'dist');
/** Where builds go, in order of preference: the temp directory serves when the package directory is read-only. */
const BUILD_ROOTS = [DIST_ROOT, path.join(os.tmpdir(), 'hexcast-web')];
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

/**
 * A digest of everything the bundle is made of: the web sources, this package's manifest and the
 * versions of the libraries bundled in. Equal digests mean equal output, so a directory named
 * after it can be reused by every process that needs the same build.
 */
export function sourceDigest(): string {
  const hash = createHash('sha256');
  const files = fs.readdirSync(SRC_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => !f.endsWith('.test.ts')).sort();
  for (const file of files) {
    const full = path.join(SRC_DIR, file);
    if (!fs.statSync(full).isFile()) continue;
    hash.update(file).update('\0').update(fs.readFileSync(full)).update('\0');
  }
  hash.update(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json')));
  for (const lib of ['preact', 'hls.js', 'esbuild']) hash.update(`${lib}@${libraryVersion(lib)}`);
  return hash.digest('hex').slice(0, 16);
}

function libraryVersion(name: string): string {
  const url = import.meta.resolve(`${name}/package.json`);
  return (JSON.parse(fs.readFileSync(fileURLToPath(url), 'utf8')) as { version: string }).version;
}

export interface WebBuild {
  /** The directory holding index.html, embed-*.html, admin/index.html and assets/. */
  readonly dir: string;
  /** True when this call ran esbuild (false: an existing build was reused). */
  readonly built: boolean;
}

/**
 * Returns the up-to-date build of the web app, building it first when no build of the current
 * sources exists. Safe to call from several processes at once: each builds into a private
 * directory and renames it into place; a loser of that race uses the winner's identical output.
 * When the package directory is read-only the build goes to the OS temp directory.
 */
export function ensureWebBuild(options: { root?: string } = {}): WebBuild {
  const digest = sourceDigest();
  for (const root of options.root ? [options.root] : BUILD_ROOTS) {
    const dir = path.join(root, digest);
    if (fs.existsSync(path.join(dir, 'index.html'))) return { dir, built: false };
    try {
      fs.mkdirSync(root, { recursive: true });
    } catch {
      continue;
    }
    buildInto(root, dir);
    pruneOldBuilds(root, digest);
    return { dir, built: true };
  }
  throw new Error(`cannot write the web build to ${DIST_ROOT} nor to the temp directory`);
}

/**
 * The most recently built directory under the build roots, whatever sources it came from; for
 * when the current sources do not build (the server then serves the last good pages).
 */
export function latestWebBuild(): string | undefined {
  const builds = BUILD_ROOTS
    .flatMap((root) => (fs.existsSync(root) ? fs.readdirSync(root).map((entry) => path.join(root, entry)) : []))
    .filter((dir) => !path.basename(dir).startsWith('.') && fs.existsSync(path.join(dir, 'index.html')))
    .map((dir) => ({ dir, at: fs.statSync(path.join(dir, 'index.html')).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  return builds[0]?.dir;
}

function buildInto(root: string, dir: string): void {
  const staging = fs.mkdtempSync(path.join(root, '.building-'));
  fs.chmodSync(staging, 0o755);
  try {
    const result = buildSync({
      absWorkingDir: SRC_DIR,
      entryPoints: Object.fromEntries(PAGES.map((page) => [page.name, path.join(SRC_DIR, page.entry)])),
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      sourcemap: 'linked',
      target: ['chrome100', 'firefox100', 'safari15'],
      jsx: 'automatic',
      jsxImportSource: 'preact',
      outdir: path.join(staging, 'assets'),
      entryNames: '[name]-[hash]',
      chunkNames: 'chunk-[hash]',
      assetNames: '[name]-[hash]',
      loader: { '.svg': 'file' },
      publicPath: '/assets',
      metafile: true,
      logLevel: 'silent',
    });
    writePages(staging, result.metafile);
    compressAll(staging);
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      // Another process finished the same build first: its output is identical.
      if (!fs.existsSync(path.join(dir, 'index.html'))) throw error;
      fs.rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function writePages(staging: string, metafile: Metafile): void {
  for (const page of PAGES) {
    const [script, output] = Object.entries(metafile.outputs).find(([, out]) => out.entryPoint?.endsWith(page.entry) === true) ?? [];
    if (script === undefined || output === undefined) throw new Error(`esbuild produced no bundle for ${page.entry}`);
    const rel = (file: string) => path.relative(staging, path.resolve(SRC_DIR, file)).split(path.sep).join('/');
    const preloads = output.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => rel(i.path));
    const styles = output.cssBundle ? [rel(output.cssBundle)] : [];
    const file = path.join(staging, page.html);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, pageHtml(page, { script: rel(script), styles, preloads }));
  }
}

/** Writes a `.gz` beside each text file, so the server can send it as-is to clients that accept gzip. */
function compressAll(dir: string): void {
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!COMPRESSIBLE.test(file)) continue;
    const full = path.join(dir, file);
    fs.writeFileSync(`${full}.gz`, gzipSync(fs.readFileSync(full), { level: 9 }));
  }
}

/** Builds of older sources go after a while (a server started from them may still be reading them). */
function pruneOldBuilds(root: string, keep: string): void {
  const cutoff = Date.now() - 10 * 60_000;
  for (const entry of fs.readdirSync(root)) {
    if (entry === keep) continue;
    const full = path.join(root, entry);
    try {
      if (fs.statSync(full).mtimeMs < cutoff) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // already gone (another process pruned it)
    }
  }
}
