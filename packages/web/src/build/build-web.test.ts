import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, sourceDigest } from './build-web.ts';
import { PAGES } from './pages.ts';

const roots: string[] = [];
const tempRoot = (): string => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hexcast-web-build-'));
  roots.push(root);
  return root;
};
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

describe('ensureWebBuild', () => {
  it('builds every page into a directory named after the sources, then reuses it', () => {
    const root = tempRoot();
    const first = ensureWebBuild({ root });
    expect(first.built).toBe(true);
    expect(path.basename(first.dir)).toBe(sourceDigest());
    for (const page of PAGES) {
      const html = fs.readFileSync(path.join(first.dir, page.html), 'utf8');
      // Every asset a page names exists, and has a gzip twin with the same content.
      const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets.some((a) => a.endsWith('.js')), page.html).toBe(true);
      for (const asset of assets) {
        const file = path.join(first.dir, asset);
        expect(gunzipSync(fs.readFileSync(`${file}.gz`)).equals(fs.readFileSync(file)), asset).toBe(true);
      }
    }
    expect(fs.readdirSync(root).filter((f) => f.startsWith('.building-'))).toEqual([]);
    expect(ensureWebBuild({ root })).toEqual({ dir: first.dir, built: false });
  });

  it('keeps hls.js out of the initial bundle: only the player loads it, on demand', () => {
    const { dir } = ensureWebBuild({ root: tempRoot() });
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => fs.readFileSync(path.join(dir, m[1]!), 'utf8'));
    expect(initial.join('').length).toBeLessThan(100_000);
    expect(initial.some((js) => js.includes('import('))).toBe(true);
  });
});
