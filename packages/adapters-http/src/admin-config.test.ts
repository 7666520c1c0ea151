import { describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from './test-fixture.ts';
import { PNG_DATA_URL, SETTER_CASES, type ServerConfigJson } from './testing/admin-config-cases.ts';

const serverConfig = async (f: Fixture): Promise<ServerConfigJson> => (await f.get('/api/admin/serverconfig', { Authorization: `Basic ${btoa('admin:abc123')}` })).json();
const webConfig = async (f: Fixture): Promise<Record<string, unknown>> => (await f.get('/api/config')).json() as Promise<Record<string, unknown>>;

describe('GET /api/admin/serverconfig', () => {
  it('has every field of Owncast’s AdminServerConfig and hides the password hash', async () => {
    const f = await createFixture();
    const config = await serverConfig(f);
    const fields = ['instanceDetails', 'notifications', 'yp', 'ffmpegPath', 'adminPassword', 'socketHostOverride', 'webServerIP', 'videoCodec', 'videoServingEndpoint', 's3', 'federation', 'supportedCodecs', 'externalActions', 'forbiddenUsernames', 'suggestedUsernames', 'streamKeys', 'videoSettings', 'rtmpServerPort', 'rtmpServerAddress', 'webServerPort', 'chatDisabled', 'chatJoinMessagesEnabled', 'chatEstablishedUserMode', 'disableSearchIndexing', 'streamKeyOverridden', 'hideViewerCount'];
    for (const field of fields) expect(config, field).toHaveProperty(field);
    const details = ['appearanceVariables', 'version', 'welcomeMessage', 'offlineMessage', 'logo', 'name', 'extraPageContent', 'streamTitle', 'customStyles', 'customJavascript', 'summary', 'tags', 'socialHandles', 'nsfw', 'autoplay'];
    for (const field of details) expect(config.instanceDetails, field).toHaveProperty(field);
    expect(config.adminPassword).toBe('');
    expect(JSON.stringify(config)).not.toContain(f.controller.settings.get('security').adminPasswordHash);
    expect(config.federation).not.toHaveProperty('privateKeyPem');
    expect((await f.get('/api/admin/serverconfig')).status).toBe(401);
  });
});

describe('every /api/admin/config setter', () => {
  it('stores a good value (shown in serverconfig), refuses a bad one with 400 changing nothing, and needs credentials', async () => {
    const f = await createFixture();
    for (const setter of SETTER_CASES) {
      const before = await serverConfig(f);
      const bad = await f.post(`/api/admin/config/${setter.path}`, { value: setter.bad });
      expect(bad.status, `${setter.path} bad`).toBe(400);
      expect(((await bad.json()) as { message: string }).message.length, setter.path).toBeGreaterThan(0);
      expect(await serverConfig(f), `${setter.path} unchanged`).toEqual(before);
      expect((await f.post(`/api/admin/config/${setter.path}`, { value: setter.good }, {})).status, `${setter.path} without credentials`).toBe(401);
      const good = await f.post(`/api/admin/config/${setter.path}`, { value: setter.good });
      expect(await good.json(), setter.path).toEqual({ success: true, message: expect.any(String) });
      expect(setter.read(await serverConfig(f)), setter.path).toEqual(setter.expected ?? setter.good);
    }
  });

  it('shows the viewer-facing values at once in /api/config', async () => {
    const f = await createFixture();
    const set = (path: string, value: unknown) => f.post(`/api/admin/config/${path}`, { value });
    await set('name', 'Hex Live');
    await set('pagecontent', 'Hello <b>there</b>');
    await set('offlinemessage', 'Back soon');
    await set('appearance', { '--x': 'red' });
    await set('customstyles', 'p{}');
    await set('sockethostoverride', 'wss://chat.example.com');
    await set('hideviewercount', true);
    await set('autoplay', 'sound-only');
    await set('socialhandles', [{ platform: 'unknown-thing', url: 'https://example.com' }]);
    const config = await webConfig(f);
    expect(config).toMatchObject({
      name: 'Hex Live',
      extraPageContent: '<p>Hello &lt;b&gt;there&lt;/b&gt;</p>',
      offlineMessage: '<p>Back soon</p>',
      appearanceVariables: { '--x': 'red' },
      customStyles: 'p{}',
      socketHostOverride: 'wss://chat.example.com',
      hideViewerCount: true,
      autoplay: 'sound-only',
      socialHandles: [{ platform: 'unknown-thing', url: 'https://example.com', icon: '/img/platformlogos/default.svg' }],
    });
    expect(config).not.toHaveProperty('customJavascript');
    expect(await (await f.get('/api/status')).json()).not.toHaveProperty('viewerCount');
  });

  it('keeps the browser notification keys when the browser setter changes its fields', async () => {
    const f = await createFixture();
    await f.controller.updateSettings('notifications', { browser: { enabled: true, goLiveMessage: 'x', vapidPublicKey: 'pub', vapidPrivateKey: 'priv' } });
    expect((await f.post('/api/admin/config/notifications/browser', { value: { goLiveMessage: 'Live!' } })).status).toBe(200);
    expect(f.controller.settings.get('notifications').browser).toEqual({ enabled: true, goLiveMessage: 'Live!', vapidPublicKey: 'pub', vapidPrivateKey: 'priv' });
    expect(JSON.stringify(await serverConfig(f))).not.toContain('priv');
  });

  it('explains what an enabled S3 configuration is missing', async () => {
    const f = await createFixture();
    const response = await f.post('/api/admin/config/s3', { value: { enabled: true, endpoint: 'https://s3.example.com' } });
    expect(response.status).toBe(400);
    const { message } = (await response.json()) as { message: string };
    for (const word of ['bucket', 'region', 'access key', 'secret']) expect(message).toContain(word);
  });
});

describe('logo and favicon uploads', () => {
  const bytes = async (response: Response) => Array.from(new Uint8Array(await response.arrayBuffer()));
  const decoded = (dataUrl: string) => Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));

  it('serves our own logo until one is uploaded, then the upload and its PNG copy', async () => {
    const f = await createFixture();
    const builtIn = await f.get('/logo');
    expect(builtIn.headers.get('content-type')).toBe('image/svg+xml');
    expect(await builtIn.text()).toContain('<title>hexcast</title>');
    expect((await f.get('/logo/external')).headers.get('content-type')).toBe('image/png');
    expect((await f.post('/api/admin/config/logo', { value: PNG_DATA_URL })).status).toBe(200);
    const logo = await f.get('/logo');
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('content-security-policy')).toContain('sandbox');
    expect(await bytes(logo)).toEqual(decoded(PNG_DATA_URL));
    expect((await bytes(await f.get('/logo/external'))).slice(0, 4)).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await serverConfig(f)).instanceDetails.logo).toBe('logo.png');
    expect((await webConfig(f)).logo).toBe('/logo');
  });

  it('refuses a logo that is not an image, too large, or not base64', async () => {
    const f = await createFixture();
    const huge = `data:image/png;base64,${btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) + 'x'.repeat(2 * 1024 * 1024))}`;
    for (const value of ['data:image/png;base64,!!!', btoa('<html><script>alert(1)</script></html>'), '', huge, 5]) {
      const response = await f.post('/api/admin/config/logo', { value });
      expect(response.status, String(value).slice(0, 40)).toBe(400);
    }
    expect((await f.get('/logo')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('takes a PNG or ICO favicon up to 200 KB and resets to the default', async () => {
    const f = await createFixture();
    const builtIn = await bytes(await f.get('/favicon.ico'));
    expect((await f.post('/api/admin/config/favicon', { value: PNG_DATA_URL })).status).toBe(200);
    expect(await bytes(await f.get('/favicon.ico'))).toEqual(decoded(PNG_DATA_URL));
    const ico = `data:image/x-icon;base64,${btoa(String.fromCharCode(0, 0, 1, 0, 1, 0, 16, 16))}`;
    expect((await f.post('/api/admin/config/favicon', { value: ico })).status).toBe(200);
    expect((await f.get('/favicon.ico')).headers.get('content-type')).toBe('image/x-icon');
    const gif = `data:image/gif;base64,${btoa('GIF89a\x01\x00\x01\x00')}`;
    const big = `data:image/png;base64,${btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) + 'x'.repeat(200 * 1024))}`;
    for (const value of [gif, big]) expect((await f.post('/api/admin/config/favicon', { value })).status).toBe(400);
    expect((await f.get('/favicon.ico')).headers.get('content-type')).toBe('image/x-icon');
    const reset = await f.app.request('/api/admin/config/favicon', { method: 'DELETE', headers: { Authorization: `Basic ${btoa('admin:abc123')}` } });
    expect(await reset.json()).toEqual({ success: true, message: 'favicon reset to the default' });
    expect(await bytes(await f.get('/favicon.ico'))).toEqual(builtIn);
    expect((await f.app.request('/api/admin/config/favicon', { method: 'DELETE' })).status).toBe(401);
  });
});
