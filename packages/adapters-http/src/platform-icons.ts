import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SOCIAL_PLATFORMS } from '@hexcast/core';

/**
 * Icons for `/img/platformlogos/<platform>.svg`. Brands come from simple-icons (CC0): its
 * one-colour glyph drawn in white or black on a tile of the brand colour, so it shows on light
 * and dark pages alike. Platforms simple-icons has no glyph for get one of our own icons.
 */
const SIMPLE_ICON_SLUGS: Readonly<Record<string, string>> = {
  bandcamp: 'bandcamp',
  discord: 'discord',
  facebook: 'facebook',
  fediverse: 'activitypub',
  github: 'github',
  gitlab: 'gitlab',
  instagram: 'instagram',
  kofi: 'kofi',
  mastodon: 'mastodon',
  matrix: 'matrix',
  patreon: 'patreon',
  paypal: 'paypal',
  soundcloud: 'soundcloud',
  spotify: 'spotify',
  tiktok: 'tiktok',
  twitch: 'twitch',
  twitter: 'x',
  xmpp: 'xmpp',
  youtube: 'youtube',
  bluesky: 'bluesky',
};
const OWN_ICONS = new Set(['donate', 'follow', 'email', 'default']);

const cache = new Map<string, Promise<string>>();
let brandColours: Promise<Map<string, string>> | undefined;

/** The SVG of a platform's icon; `undefined` for a platform hexcast does not know. */
export function platformIcon(platform: string): Promise<string> | undefined {
  if (!Object.hasOwn(SOCIAL_PLATFORMS, platform)) return undefined;
  let icon = cache.get(platform);
  if (icon === undefined) {
    icon = build(platform);
    cache.set(platform, icon);
    icon.catch(() => cache.delete(platform));
  }
  return icon;
}

async function build(platform: string): Promise<string> {
  const slug = SIMPLE_ICON_SLUGS[platform];
  if (slug === undefined) {
    const own = OWN_ICONS.has(platform) ? platform : 'default';
    return readFile(new URL(`../assets/platformlogos/${own}.svg`, import.meta.url), 'utf8');
  }
  const svg = await readFile(fileURLToPath(import.meta.resolve(`simple-icons/icons/${slug}.svg`)), 'utf8');
  const path = /<path d="([^"]+)"/.exec(svg)?.[1];
  const hex = (await colours()).get(slug) ?? '5B6472';
  if (path === undefined) throw new Error(`simple-icons/${slug}.svg has no single path`);
  const title = SOCIAL_PLATFORMS[platform]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 32 32"><title>${title}</title><rect x="-4" y="-4" width="32" height="32" rx="7" fill="#${hex}"/><path fill="${isLight(hex) ? '#000' : '#fff'}" d="${path}"/></svg>`;
}

/** Brand colours of the slugs used, read once from simple-icons' data file. */
function colours(): Promise<Map<string, string>> {
  brandColours ??= readFile(fileURLToPath(import.meta.resolve('simple-icons/icons.json')), 'utf8').then((text) => {
    const wanted = new Set(Object.values(SIMPLE_ICON_SLUGS));
    const entries = (JSON.parse(text) as Array<{ slug: string; hex: string }>).filter((icon) => wanted.has(icon.slug));
    return new Map(entries.map((icon) => [icon.slug, icon.hex]));
  });
  return brandColours;
}

/** Relative luminance above one half: draw the glyph in black. */
function isLight(hex: string): boolean {
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.5;
}
