import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEmojiStoreContract } from '@hexcast/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempRoots } from '../test/temp-roots.ts';
import { FileSystemEmojiStore } from './file-system-emoji-store.ts';

const roots = createTempRoots('hexcast-emoji-');
afterAll(() => roots.cleanup());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
const GIF = new Uint8Array([...Buffer.from('GIF89a'), 3, 4]);

describe('FileSystemEmojiStore', () => {
  describeEmojiStoreContract(({ maxBytes }) => new FileSystemEmojiStore({ dir: roots.next(), maxBytes }));

  it('creates its folder on demand and keeps one <name>.<type> file per emoji', async () => {
    const dir = roots.next();
    const store = new FileSystemEmojiStore({ dir });
    expect(existsSync(dir)).toBe(false);
    expect(await store.save('party', PNG)).toEqual({ ok: true, value: { name: 'party', url: '/img/emoji/party.png' } });
    expect(Array.from(readFileSync(join(dir, 'party.png')))).toEqual(Array.from(PNG));
    await store.save('party', GIF);
    expect(readdirSync(dir)).toEqual(['party.gif']);
  });

  it('serves what an earlier instance saved, after a restart', async () => {
    const dir = roots.next();
    await new FileSystemEmojiStore({ dir }).save('party', GIF);
    const after = new FileSystemEmojiStore({ dir });
    expect(await after.list()).toEqual([{ name: 'party', url: '/img/emoji/party.gif' }]);
    expect(await after.get('party.gif')).toEqual({ body: new Uint8Array(GIF), contentType: 'image/gif' });
  });

  it('builds URLs under publicPath', async () => {
    const store = new FileSystemEmojiStore({ dir: roots.next(), publicPath: '/static/emoji/' });
    expect(await store.save('party', PNG)).toMatchObject({ ok: true, value: { url: '/static/emoji/party.png' } });
  });

  it('refuses images over 512 KiB by default', async () => {
    const store = new FileSystemEmojiStore({ dir: roots.next() });
    const big = new Uint8Array(512 * 1024 + 1);
    big.set(PNG);
    expect(await store.save('big', big)).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'The emoji image is larger than 512 KiB' } });
    expect((await store.save('big', big.subarray(0, 512 * 1024))).ok).toBe(true);
  });

  it('rejects a missing folder or a size limit below one byte', () => {
    expect(() => new FileSystemEmojiStore({ dir: '' })).toThrow();
    expect(() => new FileSystemEmojiStore({ dir: roots.next(), maxBytes: 0 })).toThrow(RangeError);
    expect(() => new FileSystemEmojiStore({ dir: roots.next(), maxBytes: 1.5 })).toThrow(RangeError);
  });

  it('neither lists nor serves other files, folders, temporary files or symbolic links', async () => {
    const dir = roots.next();
    const store = new FileSystemEmojiStore({ dir });
    await store.save('party', PNG);
    const outside = roots.outside();
    writeFileSync(join(outside, 'secret.png'), PNG);
    writeFileSync(join(dir, 'readme.txt'), 'hello');
    writeFileSync(join(dir, 'logo.svg'), '<svg/>');
    writeFileSync(join(dir, '.hexcast-0123456789abcdef.tmp'), PNG);
    mkdirSync(join(dir, 'folder.png'));
    symlinkSync(join(outside, 'secret.png'), join(dir, 'leak.png'));
    expect(await store.list()).toEqual([{ name: 'party', url: '/img/emoji/party.png' }]);
    for (const file of ['readme.txt', 'logo.svg', '.hexcast-0123456789abcdef.tmp', 'folder.png', 'leak.png']) expect(await store.get(file), file).toBeUndefined();
  });

  it('does not follow a symbolic link planted where an emoji is saved, replacing the link instead', async () => {
    const dir = roots.next();
    const store = new FileSystemEmojiStore({ dir });
    await store.list(); // creates the folder
    const target = join(roots.outside(), 'victim.png');
    writeFileSync(target, 'untouched');
    symlinkSync(target, join(dir, 'party.png'));
    await store.save('party', PNG);
    expect(readFileSync(target, 'utf8')).toBe('untouched');
    expect((await store.get('party.png'))?.contentType).toBe('image/png');
  });

  it('lists the newer file when a crash left two types of one name', async () => {
    const dir = roots.next();
    const store = new FileSystemEmojiStore({ dir });
    await store.save('party', PNG);
    writeFileSync(join(dir, 'party.gif'), GIF);
    utimesSync(join(dir, 'party.png'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(await store.list()).toEqual([{ name: 'party', url: '/img/emoji/party.gif' }]);
    expect(await store.delete('party')).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ends with exactly one file when saves of one name with different types overlap', async () => {
    const dir = roots.next();
    const store = new FileSystemEmojiStore({ dir });
    const results = await Promise.all([store.save('party', PNG), store.save('party', GIF), store.save('party', PNG)]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(readdirSync(dir)).toEqual(['party.png']);
  });
});
