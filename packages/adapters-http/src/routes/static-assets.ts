import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import { BRANDING_ASSETS, type BrandingAsset, type StoredAsset } from '@hexcast/core';
import type { StaticAssetsApi } from '../api.ts';
import { platformIcon } from '../platform-icons.ts';

const BUILT_IN = {
  [BRANDING_ASSETS.logo]: { file: 'logo.svg', contentType: 'image/svg+xml' },
  [BRANDING_ASSETS.externalLogo]: { file: 'logo.png', contentType: 'image/png' },
  [BRANDING_ASSETS.favicon]: { file: 'favicon.png', contentType: 'image/png' },
} as const satisfies Record<BrandingAsset, { file: string; contentType: string }>;

const builtIn = new Map<BrandingAsset, Promise<StoredAsset>>();

/** Our own default images, read once from the package's `assets` folder. */
function builtInAsset(name: BrandingAsset): Promise<StoredAsset> {
  let asset = builtIn.get(name);
  if (asset === undefined) {
    const { file, contentType } = BUILT_IN[name];
    asset = readFile(new URL(`../../assets/${file}`, import.meta.url)).then((buffer) => ({ body: new Uint8Array(buffer), contentType }));
    builtIn.set(name, asset);
  }
  return asset;
}

// Served SVG is an image, never a document: no scripts even when opened directly.
const IMAGE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" };

async function sendAsset(c: Context, api: StaticAssetsApi, name: BrandingAsset): Promise<Response> {
  const asset = (await api.getBrandingAsset(name)) ?? (await builtInAsset(name));
  return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': asset.contentType, 'Cache-Control': 'public, max-age=60', ...IMAGE_HEADERS });
}

/**
 * The branding and site files outside `/api`: `/logo` (the uploaded logo or ours),
 * `/logo/external` (its PNG copy), `/favicon.ico`, `/img/platformlogos/<platform>.svg`,
 * `/robots.txt` (everything disallowed while search indexing is off) and `/customjavascript`.
 */
export function staticAssetRoutes(api: StaticAssetsApi): Hono {
  const app = new Hono();
  app.get('/logo', (c) => sendAsset(c, api, BRANDING_ASSETS.logo));
  app.get('/logo/external', (c) => sendAsset(c, api, BRANDING_ASSETS.externalLogo));
  app.get('/favicon.ico', (c) => sendAsset(c, api, BRANDING_ASSETS.favicon));
  app.get('/img/platformlogos/:file', async (c) => {
    const file = c.req.param('file');
    const icon = file.endsWith('.svg') ? platformIcon(file.slice(0, -'.svg'.length)) : undefined;
    if (icon === undefined) return c.text('Not Found', 404);
    return c.body(await icon, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', ...IMAGE_HEADERS });
  });
  app.get('/robots.txt', (c) => {
    const rules = api.getSettings('appearance').disableSearchIndexing ? 'Disallow: /' : 'Disallow: /admin/\nDisallow: /api/';
    return c.text(`User-agent: *\n${rules}\n`, 200, { 'Cache-Control': 'no-cache' });
  });
  app.get('/customjavascript', (c) =>
    c.body(api.getSettings('appearance').customJavascript, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }),
  );
  return app;
}
