import type { Settings, SettingsSection } from '../domain/settings.ts';
import type { StreamKey, OutputVariant, VideoCodec } from '../domain/video.ts';
import { HEXCAST_VERSION } from '../domain/version.ts';
import { socialPlatformIcon } from '../domain/social-platforms.ts';

/** `GET /api/admin/serverconfig`, with Owncast's field names (its `AdminServerConfig`). */
export interface AdminServerConfig {
  readonly instanceDetails: {
    readonly name: string;
    readonly summary: string;
    readonly welcomeMessage: string;
    readonly offlineMessage: string;
    /** the stored logo's file name, '' for the built-in logo */
    readonly logo: string;
    readonly tags: readonly string[];
    readonly version: string;
    /** markdown, as the admin wrote it */
    readonly extraPageContent: string;
    readonly streamTitle: string;
    readonly socialHandles: ReadonlyArray<{ platform: string; url: string; icon: string }>;
    readonly nsfw: boolean;
    readonly autoplay: string;
    readonly customStyles: string;
    readonly customJavascript: string;
    readonly appearanceVariables: Readonly<Record<string, string>>;
  };
  readonly notifications: {
    readonly browser: { enabled: boolean; goLiveMessage: string };
    readonly discord: { enabled: boolean; webhook: string; goLiveMessage: string };
  };
  readonly yp: { readonly enabled: boolean; readonly instanceUrl: string };
  readonly ffmpegPath: string;
  /** always '': only a bcrypt hash is stored, and it is not shown */
  readonly adminPassword: string;
  readonly socketHostOverride: string;
  readonly webServerIP: string;
  readonly webServerPort: number;
  readonly rtmpServerPort: number;
  readonly rtmpServerAddress: string;
  readonly videoCodec: string;
  readonly videoServingEndpoint: string;
  readonly s3: Settings['storage']['s3'];
  readonly federation: Omit<Settings['federation'], 'publicKeyPem' | 'privateKeyPem'>;
  readonly supportedCodecs: readonly VideoCodec[];
  readonly externalActions: Settings['serverInfo']['externalActions'];
  readonly forbiddenUsernames: readonly string[];
  readonly suggestedUsernames: readonly string[];
  readonly streamKeys: readonly StreamKey[];
  readonly videoSettings: { readonly videoQualityVariants: readonly OutputVariant[]; readonly latencyLevel: number };
  readonly chatDisabled: boolean;
  readonly chatJoinMessagesEnabled: boolean;
  readonly chatEstablishedUserMode: boolean;
  readonly chatSpamProtectionEnabled: boolean;
  readonly chatSlurFilterEnabled: boolean;
  readonly chatRequireAuthentication: boolean;
  readonly disableSearchIndexing: boolean;
  readonly hideViewerCount: boolean;
  /** true while `--streamkey` replaces the stored keys */
  readonly streamKeyOverridden: boolean;
}

/** What the view is built from: the settings, and two facts only the running server knows. */
export interface ServerConfigInputs {
  readonly get: <K extends SettingsSection>(section: K) => Settings[K];
  readonly supportedCodecs: readonly VideoCodec[];
  readonly streamKeyOverridden: boolean;
}

/** Builds the admin's view of every setting. Secrets the admin set (S3) are shown to the admin, as Owncast does; the password hash is not. */
export function adminServerConfig({ get, supportedCodecs, streamKeyOverridden }: ServerConfigInputs): AdminServerConfig {
  const info = get('serverInfo');
  const appearance = get('appearance');
  const video = get('video');
  const server = get('server');
  const chat = get('chat');
  const { publicKeyPem: _public, privateKeyPem: _private, ...federation } = get('federation');
  const notifications = get('notifications');
  return {
    instanceDetails: {
      name: info.name,
      summary: info.summary,
      welcomeMessage: info.welcomeMessage,
      offlineMessage: info.offlineMessage,
      logo: appearance.logo,
      tags: info.tags,
      version: HEXCAST_VERSION,
      extraPageContent: info.extraPageContent,
      streamTitle: info.streamTitle,
      socialHandles: info.socialHandles.map((h) => ({ ...h, icon: socialPlatformIcon(h.platform) })),
      nsfw: info.nsfw,
      autoplay: appearance.autoplay,
      customStyles: appearance.customStyles,
      customJavascript: appearance.customJavascript,
      appearanceVariables: appearance.appearanceVariables,
    },
    notifications: {
      browser: { enabled: notifications.browser.enabled, goLiveMessage: notifications.browser.goLiveMessage },
      discord: { ...notifications.discord },
    },
    yp: { enabled: get('directory').enabled, instanceUrl: info.serverUrl },
    ffmpegPath: video.ffmpegPath,
    adminPassword: '',
    socketHostOverride: server.socketHostOverride,
    webServerIP: server.webServerIp,
    webServerPort: server.webServerPort,
    rtmpServerPort: server.rtmpServerPort,
    rtmpServerAddress: server.rtmpServerAddress,
    videoCodec: video.codec,
    videoServingEndpoint: get('storage').videoServingEndpoint,
    s3: get('storage').s3,
    federation,
    supportedCodecs,
    externalActions: info.externalActions,
    forbiddenUsernames: chat.forbiddenUsernames,
    suggestedUsernames: chat.suggestedUsernames,
    streamKeys: get('security').streamKeys,
    videoSettings: { videoQualityVariants: video.outputVariants, latencyLevel: video.latencyLevel },
    chatDisabled: chat.disabled,
    chatJoinMessagesEnabled: chat.joinMessagesEnabled,
    chatEstablishedUserMode: chat.establishedUserMode,
    chatSpamProtectionEnabled: chat.spamProtectionEnabled,
    chatSlurFilterEnabled: chat.slurFilterEnabled,
    chatRequireAuthentication: chat.requireAuthentication,
    disableSearchIndexing: appearance.disableSearchIndexing,
    hideViewerCount: appearance.hideViewerCount,
    streamKeyOverridden,
  };
}
