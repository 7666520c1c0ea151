/**
 * Every `/api/admin/config/*` setter with a good value, a bad value and where the good value
 * shows in `GET /api/admin/serverconfig`. Shared by the in-process route test and the restart
 * test of the real server (`@hexcast/adapters-http/testing`).
 */

/** A 1×1 PNG, as Owncast's admin sends uploads: a `data:` URL. */
export const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** A small SVG logo. */
export const SVG_DATA_URL = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#c33"/></svg>')}`;

export interface SetterCase {
  /** below `/api/admin/config/` */
  readonly path: string;
  readonly good: unknown;
  /** refused with 400, changing nothing */
  readonly bad: unknown;
  /** the good value as `GET /api/admin/serverconfig` shows it */
  readonly read: (serverConfig: ServerConfigJson) => unknown;
  /** what `read` must give after the good value (default: `good`) */
  readonly expected?: unknown;
}

// The admin view is checked field by field; its exact type is the core's AdminServerConfig.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServerConfigJson = any;

const S3 = { enabled: false, endpoint: 'https://s3.example.com', accessKey: 'AKIAEXAMPLE', secret: 'very-secret-s3-key', bucket: 'videos', region: 'eu-1', acl: 'public-read', pathPrefix: 'live', forcePathStyle: true };

export const SETTER_CASES: readonly SetterCase[] = [
  { path: 'name', good: 'Hex Live', bad: '  ', read: (s) => s.instanceDetails.name },
  { path: 'serversummary', good: 'A summary', bad: 42, read: (s) => s.instanceDetails.summary },
  { path: 'streamtitle', good: 'Now live', bad: 'x'.repeat(257), read: (s) => s.instanceDetails.streamTitle },
  { path: 'tags', good: ['music', 'live'], bad: ['ok', ''], read: (s) => s.instanceDetails.tags },
  { path: 'socialhandles', good: [{ platform: 'mastodon', url: 'https://mastodon.social/@hex' }], bad: [{ platform: 'x', url: 'javascript:alert(1)' }], read: (s) => s.instanceDetails.socialHandles, expected: [{ platform: 'mastodon', url: 'https://mastodon.social/@hex', icon: '/img/platformlogos/mastodon.svg' }] },
  { path: 'pagecontent', good: '# About\n\nHello **there**', bad: 5, read: (s) => s.instanceDetails.extraPageContent },
  { path: 'offlinemessage', good: 'Back *soon*', bad: false, read: (s) => s.instanceDetails.offlineMessage },
  { path: 'welcomemessage', good: 'Welcome!', bad: [], read: (s) => s.instanceDetails.welcomeMessage },
  { path: 'serverurl', good: 'https://live.example.com', bad: 'ftp://live.example.com', read: (s) => s.yp.instanceUrl },
  { path: 'nsfw', good: true, bad: 'yes', read: (s) => s.instanceDetails.nsfw },
  {
    path: 'externalactions',
    good: [{ url: 'https://example.com/tip', title: 'Tip jar' }],
    bad: [{ url: 'not a url', title: 'x' }],
    read: (s) => s.externalActions,
    expected: [{ url: 'https://example.com/tip', title: 'Tip jar', description: '', icon: '', color: '', html: '', openExternally: false }],
  },
  { path: 'appearance', good: { '--theme-color-background': '#101010' }, bad: { '--x': 5 }, read: (s) => s.instanceDetails.appearanceVariables },
  { path: 'customstyles', good: 'body { color: tomato; }', bad: 1, read: (s) => s.instanceDetails.customStyles },
  { path: 'customjavascript', good: 'console.log("hi")', bad: {}, read: (s) => s.instanceDetails.customJavascript },
  { path: 'hideviewercount', good: true, bad: 'no', read: (s) => s.hideViewerCount },
  { path: 'disablesearchindexing', good: true, bad: 1, read: (s) => s.disableSearchIndexing },
  { path: 'autoplay', good: 'always', bad: 'sometimes', read: (s) => s.instanceDetails.autoplay },
  { path: 'streamkeys', good: [{ key: 'a-long-stream-key', comment: 'main' }], bad: [{ key: 'has space', comment: '' }], read: (s) => s.streamKeys },
  { path: 'video/codec', good: 'libx264', bad: 'magic-codec', read: (s) => s.videoCodec },
  { path: 'video/streamlatencylevel', good: 2, bad: 9, read: (s) => s.videoSettings.latencyLevel },
  { path: 'video/streamoutputvariants', good: [{ videoPassthrough: true }, { scaledHeight: 360, videoBitrate: 800 }], bad: [], read: (s) => s.videoSettings.videoQualityVariants.map((v: { videoPassthrough: boolean; videoBitrate: number }) => [v.videoPassthrough, v.videoBitrate]), expected: [[true, 1200], [false, 800]] },
  { path: 'ffmpegpath', good: '/usr/bin/ffmpeg', bad: 7, read: (s) => s.ffmpegPath },
  { path: 'webserverport', good: 8181, bad: 70_000, read: (s) => s.webServerPort },
  { path: 'webserverip', good: '127.0.0.1', bad: 'not an address!', read: (s) => s.webServerIP },
  { path: 'rtmpserverport', good: 19_350, bad: 0, read: (s) => s.rtmpServerPort },
  { path: 'rtmpserverbindaddress', good: '127.0.0.1', bad: 'a b', read: (s) => s.rtmpServerAddress },
  { path: 'sockethostoverride', good: 'wss://chat.example.com', bad: 'javascript:alert(1)', read: (s) => s.socketHostOverride },
  { path: 'videoservingendpoint', good: 'https://cdn.example.com', bad: 'cdn', read: (s) => s.videoServingEndpoint },
  { path: 'directoryenabled', good: true, bad: 'true', read: (s) => s.yp.enabled },
  { path: 'chat/disable', good: true, bad: 'x', read: (s) => s.chatDisabled },
  { path: 'chat/joinmessagesenabled', good: false, bad: 2, read: (s) => s.chatJoinMessagesEnabled },
  { path: 'chat/establishedusermode', good: true, bad: null, read: (s) => s.chatEstablishedUserMode },
  { path: 'chat/forbiddenusernames', good: ['badname'], bad: [''], read: (s) => s.forbiddenUsernames },
  { path: 'chat/suggestedusernames', good: ['Alice'], bad: ['x'.repeat(31)], read: (s) => s.suggestedUsernames },
  { path: 'chat/spamprotectionenabled', good: false, bad: 'off', read: (s) => s.chatSpamProtectionEnabled },
  { path: 'chat/slurfilterenabled', good: true, bad: 0, read: (s) => s.chatSlurFilterEnabled },
  { path: 'chat/requireauthentication', good: true, bad: [], read: (s) => s.chatRequireAuthentication },
  { path: 'federation/enable', good: true, bad: 'x', read: (s) => s.federation.enabled },
  { path: 'federation/private', good: true, bad: 1, read: (s) => s.federation.isPrivate },
  { path: 'federation/showengagement', good: false, bad: 'no', read: (s) => s.federation.showEngagement },
  { path: 'federation/enablequotes', good: false, bad: {}, read: (s) => s.federation.enableQuotes },
  { path: 'federation/hidefollowers', good: true, bad: 'yes', read: (s) => s.federation.hideFollowersTab },
  { path: 'federation/username', good: 'hexcaster', bad: 'has space', read: (s) => s.federation.username },
  { path: 'federation/livemessage', good: 'Live now!', bad: 'x'.repeat(501), read: (s) => s.federation.goLiveMessage },
  { path: 'federation/blockdomains', good: ['spam.example'], bad: [''], read: (s) => s.federation.blockedDomains },
  { path: 'notifications/discord', good: { enabled: true, webhook: 'https://discord.example/api/webhooks/1', goLiveMessage: 'On air' }, bad: { webhook: 'nope' }, read: (s) => s.notifications.discord },
  { path: 'notifications/browser', good: { enabled: false, goLiveMessage: 'Live!' }, bad: { enabled: 'x' }, read: (s) => s.notifications.browser },
  { path: 's3', good: S3, bad: { ...S3, enabled: true, endpoint: '' }, read: (s) => s.s3 },
  { path: 'logo', good: SVG_DATA_URL, bad: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', read: (s) => s.instanceDetails.logo, expected: 'logo.svg' },
];
