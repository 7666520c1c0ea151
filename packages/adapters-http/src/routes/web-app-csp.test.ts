import { StorageSettingsSchema, ServerSettingsSchema } from '@hexcast/core';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, mediaSources } from './web-app-csp.ts';

const storage = (value: unknown) => StorageSettingsSchema.parse(value);
const s3 = { enabled: true, bucket: 'live', region: 'eu-1', accessKey: 'k', secret: 's' };

describe('the web pages’ Content-Security-Policy', () => {
  it('lets media come from this server only when video is served locally', () => {
    expect(mediaSources(storage({}))).toEqual([]);
  });

  it('adds the video serving endpoint, the S3 endpoint and its bucket subdomains', () => {
    expect(mediaSources(storage({ videoServingEndpoint: 'https://cdn.example.com/hls/' }))).toEqual(['https://cdn.example.com']);
    expect(mediaSources(storage({ s3: { ...s3, endpoint: 'http://127.0.0.1:9000' } }))).toEqual(['http://127.0.0.1:9000', 'http://*.127.0.0.1:9000']);
    expect(mediaSources(storage({ videoServingEndpoint: 'https://cdn.example.com', s3: { ...s3, endpoint: 'https://s3.example.net' } }))).toEqual(['https://cdn.example.com', 'https://s3.example.net', 'https://*.s3.example.net']);
  });

  it('allows the chat socket on the page host and the socket host override, and nothing a crafted Host could inject', () => {
    const server = ServerSettingsSchema.parse({ socketHostOverride: 'wss://chat.example.com' });
    const policy = contentSecurityPolicy({ storage: storage({}), server, host: 'live.example.com:8080' });
    expect(policy).toContain("connect-src 'self' ws://live.example.com:8080 wss://live.example.com:8080 ws://chat.example.com wss://chat.example.com;");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("worker-src 'self' blob:;");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('frame-ancestors');
    const crafted = contentSecurityPolicy({ storage: storage({}), server: ServerSettingsSchema.parse({}), host: "evil; script-src 'unsafe-inline'" });
    expect(crafted).not.toContain('evil');
    expect(crafted).toContain("connect-src 'self';");
  });
});
