import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeAssetStoreContract } from '@hexcast/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempRoots } from '../test/temp-roots.ts';
import { FileSystemAssetStore } from './file-system-asset-store.ts';

const roots = createTempRoots('hexcast-assets-');
afterAll(() => roots.cleanup());

describe('FileSystemAssetStore', () => {
  describeAssetStoreContract(() => new FileSystemAssetStore({ dir: roots.next() }));

  it('keeps one <name>.<ext> file per asset and serves it after a restart', async () => {
    const dir = roots.next();
    await new FileSystemAssetStore({ dir }).put('logo', { body: Uint8Array.of(1), contentType: 'image/png' });
    await new FileSystemAssetStore({ dir }).put('logo', { body: Uint8Array.of(2), contentType: 'image/svg+xml' });
    expect(readdirSync(dir)).toEqual(['logo.svg']);
    expect(await new FileSystemAssetStore({ dir }).get('logo')).toEqual({ body: Uint8Array.of(2), contentType: 'image/svg+xml' });
  });

  it('does not serve a symbolic link planted in its folder', async () => {
    const dir = roots.next();
    const store = new FileSystemAssetStore({ dir });
    await store.put('favicon', { body: Uint8Array.of(1), contentType: 'image/x-icon' });
    const secret = join(roots.outside(), 'secret.png');
    writeFileSync(secret, 'secret');
    symlinkSync(secret, join(dir, 'logo.png'));
    expect(await store.get('logo')).toBeUndefined();
  });
});
