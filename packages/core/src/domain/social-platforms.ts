/** Social platforms with a bundled icon (served from `/img/platformlogos/<key>.svg`). */
export const SOCIAL_PLATFORMS: Readonly<Record<string, string>> = {
  bandcamp: 'Bandcamp',
  discord: 'Discord',
  facebook: 'Facebook',
  fediverse: 'Fediverse',
  github: 'GitHub',
  gitlab: 'GitLab',
  instagram: 'Instagram',
  keyoxide: 'Keyoxide',
  kofi: 'Ko-Fi',
  linkedin: 'LinkedIn',
  mastodon: 'Mastodon',
  matrix: 'Matrix',
  patreon: 'Patreon',
  paypal: 'PayPal',
  soundcloud: 'SoundCloud',
  spotify: 'Spotify',
  tiktok: 'TikTok',
  twitch: 'Twitch',
  twitter: 'Twitter',
  xmpp: 'XMPP',
  youtube: 'YouTube',
  bluesky: 'Bluesky',
  donate: 'Donations',
  follow: 'Follow',
  email: 'Email',
  default: 'Other',
};

/** The icon path of a platform; unknown platforms get the generic one. */
export function socialPlatformIcon(platform: string): string {
  const key = platform.toLowerCase();
  return `/img/platformlogos/${Object.hasOwn(SOCIAL_PLATFORMS, key) ? key : 'default'}.svg`;
}
