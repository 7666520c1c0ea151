import { describe, expect, it } from 'vitest';
import { FakeImageResizer } from '../testing/fake-image-resizer.ts';
import { InMemoryAssetStore } from '../testing/in-memory-asset-store.ts';
import { InMemorySettingsRepository } from '../testing/in-memory-settings-repository.ts';
import { FakePasswordHasher } from '../testing/fake-password-hasher.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { BrandingService } from './branding-service.ts';
import { EventBus } from './event-bus.ts';
import { SettingsService } from './settings-service.ts';

async function setup(options: { assets?: boolean; resizer?: boolean } = {}) {
  const logger = new MemoryLogger();
  const settings = new SettingsService({ repository: new InMemorySettingsRepository(), hasher: new FakePasswordHasher(), events: new EventBus(logger), logger });
  await settings.load();
  const assets = new InMemoryAssetStore();
  const resizer = new FakeImageResizer();
  const branding = new BrandingService({ settings, assets: options.assets === false ? undefined : assets, resizer: options.resizer === false ? undefined : resizer });
  return { settings, assets, resizer, branding };
}

const dataUrl = (type: string, text: string) => `data:${type};base64,${btoa(text)}`;
const SVG = '<?xml version="1.0"?>\n<!-- logo --><svg xmlns="http://www.w3.org/2000/svg"/>';

describe('BrandingService', () => {
  it('stores an SVG logo with its PNG copy and records logo.svg', async () => {
    const { branding, settings, resizer } = await setup();
    expect(await branding.setLogo(dataUrl('image/svg+xml', SVG))).toEqual({ ok: true, value: undefined });
    expect((await branding.asset('logo'))?.contentType).toBe('image/svg+xml');
    expect((await branding.asset('logo-external'))?.contentType).toBe('image/png');
    expect(resizer.calls).toBe(1);
    expect(settings.get('appearance').logo).toBe('logo.svg');
  });

  it('refuses what is not an image, and answers unavailable without a store', async () => {
    const { branding, settings } = await setup();
    for (const data of ['***', dataUrl('image/png', 'hello'), dataUrl('text/html', '<html><svg></svg></html>'), '']) {
      expect(await branding.setLogo(data), data).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
    expect(settings.get('appearance').logo).toBe('');
    expect(await branding.asset('logo')).toBeUndefined();
    const without = await setup({ assets: false });
    expect(await without.branding.setLogo(dataUrl('image/svg+xml', SVG))).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(await without.branding.asset('logo')).toBeUndefined();
  });

  it('keeps no stale PNG copy when there is no resizer', async () => {
    const { branding, assets } = await setup({ resizer: false });
    await assets.put('logo-external', { body: Uint8Array.of(1), contentType: 'image/png' });
    expect((await branding.setLogo(dataUrl('image/svg+xml', SVG))).ok).toBe(true);
    expect(await branding.asset('logo-external')).toBeUndefined();
  });

  it('takes ICO and PNG favicons only, and resets', async () => {
    const { branding, settings } = await setup();
    expect((await branding.setFavicon(dataUrl('image/x-icon', '\0\0\x01\0\x01\0'))).ok).toBe(true);
    expect(settings.get('appearance').favicon).toBe('favicon.ico');
    expect(await branding.setFavicon(dataUrl('image/svg+xml', SVG))).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'the favicon must be a PNG or ICO file' } });
    expect((await branding.resetFavicon()).ok).toBe(true);
    expect((await branding.resetFavicon()).ok).toBe(true);
    expect(settings.get('appearance').favicon).toBe('');
    expect(await branding.asset('favicon')).toBeUndefined();
  });
});
