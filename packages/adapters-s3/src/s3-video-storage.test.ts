import { describeVideoStorageContract } from '@hexcast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3RVER_ACCESS_KEY, S3RVER_SECRET, startLocalS3, type LocalS3 } from '../test/s3rver-process.ts';
import { S3ConfigurationError, S3VideoStorage, type S3VideoStorageOptions } from './s3-video-storage.ts';

let s3: LocalS3;
let instances = 0;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3.dispose());

function options(overrides: Partial<S3VideoStorageOptions> = {}): S3VideoStorageOptions {
  return { endpoint: s3.endpoint, region: '', bucket: s3.bucket, accessKey: S3RVER_ACCESS_KEY, secret: S3RVER_SECRET, forcePathStyle: true, ...overrides };
}

/** Each store under its own path prefix of the one bucket: fresh and empty, as the suite needs. */
function fresh(): S3VideoStorage {
  instances += 1;
  return new S3VideoStorage(options({ pathPrefix: `contract/${instances}` }));
}

describe('S3VideoStorage on s3rver', () => {
  describeVideoStorageContract(fresh);
});

describe('S3VideoStorage', () => {
  it('stores objects under the path prefix with content type and cache headers a CDN can use', async () => {
    const storage = new S3VideoStorage(options({ pathPrefix: '/live/' }));
    await storage.put('0/stream-1-1.ts', new Uint8Array([1, 2, 3]), 'video/mp2t');
    await storage.put('0/stream.m3u8', new TextEncoder().encode('#EXTM3U\n'), 'application/x-mpegURL');
    const segmentUrl = storage.publicUrl('0/stream-1-1.ts');
    expect(segmentUrl).toBe(`${s3.endpoint}/${s3.bucket}/live/0/stream-1-1.ts`);
    const segment = await fetch(segmentUrl);
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect(segment.headers.get('cache-control')).toMatch(/immutable/);
    expect([...new Uint8Array(await segment.arrayBuffer())]).toEqual([1, 2, 3]);
    const playlist = await fetch(storage.publicUrl('0/stream.m3u8'));
    expect(playlist.headers.get('content-type')).toBe('application/x-mpegURL');
    expect(playlist.headers.get('cache-control')).toMatch(/no-cache/);
    expect(await new S3VideoStorage(options({ pathPrefix: 'live' })).list('')).toEqual(['0/stream-1-1.ts', '0/stream.m3u8']);
  });

  it('points public URLs at the serving endpoint (CDN) when one is set', () => {
    const storage = new S3VideoStorage(options({ pathPrefix: 'p', servingEndpoint: 'https://cdn.example.com/' }));
    expect(storage.publicUrl('1/stream.m3u8')).toBe('https://cdn.example.com/p/1/stream.m3u8');
    const hosted = new S3VideoStorage(options({ endpoint: 'https://s3.example.net', forcePathStyle: false }));
    expect(hosted.publicUrl('0/a.ts')).toBe(`https://${s3.bucket}.s3.example.net/0/a.ts`);
    const aws = new S3VideoStorage(options({ endpoint: '', region: 'eu-west-1', forcePathStyle: false }));
    expect(aws.publicUrl('0/a.ts')).toBe(`https://${s3.bucket}.s3.eu-west-1.amazonaws.com/0/a.ts`);
  });

  it('refuses settings it cannot use, with a message', () => {
    expect(() => new S3VideoStorage(options({ bucket: ' ' }))).toThrow(S3ConfigurationError);
    expect(() => new S3VideoStorage(options({ endpoint: 'ftp://x' }))).toThrow(/http\(s\) URL/);
    expect(() => new S3VideoStorage(options({ pathPrefix: 'a/../b' }))).toThrow(/"\.\."/);
  });

  it('fails (rather than hangs) when the bucket refuses the credentials or cannot be reached', async () => {
    const wrongSecret = new S3VideoStorage(options({ accessKey: 'UNKNOWN', secret: 'not-the-secret', pathPrefix: 'denied' }));
    const refusal = await wrongSecret.put('0/a.ts', new Uint8Array([1]), 'video/mp2t').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Error);
    expect(String(refusal)).not.toContain('not-the-secret');
    const unreachable = new S3VideoStorage(options({ endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }));
    await expect(unreachable.list('')).rejects.toThrow();
  });
});
