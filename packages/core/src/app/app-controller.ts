import type { CommonError, Result } from '../domain/result.ts';
import { ok } from '../domain/result.ts';
import { DEFAULT_STREAM_KEY, type Settings, type SettingsSection } from '../domain/settings.ts';
import type { VideoCodec } from '../domain/video.ts';
import type { AccessTokenRepository } from '../ports/access-token-repository.ts';
import type { AssetStore, StoredAsset } from '../ports/asset-store.ts';
import type { BrandingAsset } from '../domain/branding.ts';
import type { ImageResizer } from '../ports/image-resizer.ts';
import type { AuthProvider } from '../ports/auth-provider.ts';
import type { ChatMessageRepository } from '../ports/chat-message-repository.ts';
import type { ChatRenderer } from '../ports/chat-renderer.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContentRenderer } from '../ports/content-renderer.ts';
import type { EmojiStore } from '../ports/emoji-store.ts';
import type { FederatedActivityRepository } from '../ports/federated-activity-repository.ts';
import type { FollowerRepository } from '../ports/follower-repository.ts';
import type { GeoIpLookup } from '../ports/geoip-lookup.ts';
import type { IngestEndpoint, IngestServer } from '../ports/ingest-server.ts';
import type { IpBanRepository } from '../ports/ip-ban-repository.ts';
import type { Logger } from '../ports/logger.ts';
import type { NotificationRepository } from '../ports/notification-repository.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { SettingsRepository } from '../ports/settings-repository.ts';
import type { StatsRepository } from '../ports/stats-repository.ts';
import type { Transcoder } from '../ports/transcoder.ts';
import type { UserRepository } from '../ports/user-repository.ts';
import type { VideoStorage } from '../ports/video-storage.ts';
import type { WebhookRepository } from '../ports/webhook-repository.ts';
import { systemClock } from '../ports/clock.ts';
import { AdminAccess, type AdminAccessOptions, type AdminLogin } from './admin-access.ts';
import { BrandingService } from './branding-service.ts';
import type { ChatApi } from './chat/chat-api.ts';
import { adminServerConfig, type AdminServerConfig } from './server-config-view.ts';
import { ChatService, type ChatServiceOptions } from './chat/chat-service.ts';
import { EventBus } from './event-bus.ts';
import { IngestEndpointKeeper } from './ingest-endpoint-keeper.ts';
import { SettingsService } from './settings-service.ts';
import { StatsService, type ViewerSighting } from './stats-service.ts';
import { StatusService, type AdminStatus, type PublicStatus, type VideoVariantInfo, type WebConfig } from './status-service.ts';
import { VideoOutputService, type VideoOptions } from './video-output-service.ts';
import { createOperations, type OperationsApi } from './operations.ts';
import type { LogHistory } from '../ports/log-history.ts';
import type { SystemMetrics } from '../ports/system-metrics.ts';
import { StreamService } from './stream-service.ts';
import { checkVideoPatch, usableCodecs } from './video-settings-check.ts';

/** Every repository port, as one bundle (each adapter package provides all of them). */
export interface Repositories {
  readonly settings: SettingsRepository;
  readonly users: UserRepository;
  readonly chatMessages: ChatMessageRepository;
  readonly ipBans: IpBanRepository;
  readonly webhooks: WebhookRepository;
  readonly accessTokens: AccessTokenRepository;
  readonly notifications: NotificationRepository;
  readonly followers: FollowerRepository;
  readonly federatedActivities: FederatedActivityRepository;
  readonly stats: StatsRepository;
}

/** What `createAppController` needs: ready-made ports and the few start-up options. */
export interface AppControllerDeps {
  readonly repositories: Repositories;
  readonly hasher: PasswordHasher;
  readonly renderer: ContentRenderer;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly ingest?: IngestServer;
  readonly transcoder?: Transcoder;
  readonly storage?: VideoStorage;
  /** object storage for video, chosen from the storage settings at each stream start, and cleanup timing */
  readonly videoOptions?: VideoOptions;
  readonly geoip?: GeoIpLookup;
  readonly notifiers?: readonly Notifier[];
  readonly authProviders?: readonly AuthProvider[];
  /** chat markdown to safe HTML; default: escaped plain text (`PlainChatRenderer`) */
  readonly chatRenderer?: ChatRenderer;
  /** custom emoji; default: none (uploads answer `unavailable`) */
  readonly emoji?: EmojiStore;
  /** chat limits and timings (connection cap, rate limit, pruning, …) */
  readonly chatOptions?: ChatServiceOptions;
  /** `--streamkey`: accepted instead of the stored keys until restart */
  readonly streamKeyOverride?: string;
  /** `--ffmpegpath`: used instead of the stored ffmpeg path until restart */
  readonly ffmpegPathOverride?: string;
  /** `--rtmpport`: the RTMP port for this run, whatever the settings say */
  readonly rtmpPortOverride?: number;
  /** `--adminpassword`: stored as the admin password at start */
  readonly adminPasswordOverride?: string;
  /** uploaded logo and favicon; without it uploads answer `unavailable` */
  readonly assets?: AssetStore;
  /** makes the PNG copy of the logo for `/logo/external` */
  readonly imageResizer?: ImageResizer;
  /** admin login throttling and session lifetime */
  readonly adminAccess?: AdminAccessOptions;
  /** the server's recent log lines, for `/api/admin/logs`; without it the logs are empty */
  readonly logHistory?: LogHistory;
  /** CPU, memory and disk load, for `/api/admin/hardwarestats`; without it no samples */
  readonly systemMetrics?: SystemMetrics;
}

/**
 * The application: it owns every service and is the only thing inbound adapters talk to. Each
 * inbound adapter declares the narrow interface it needs (`StatusApi`, …) and this satisfies it.
 */
export interface AppController extends ChatApi, OperationsApi {
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly stream: StreamService;
  readonly stats: StatsService;
  readonly chat: ChatService;
  readonly repositories: Repositories;
  readonly logger: Logger;
  readonly clock: Clock;
  getStatus(): PublicStatus;
  getWebConfig(): Promise<WebConfig>;
  verifyAdminPassword(candidate: string): Promise<boolean>;
  /** Validates and stores a settings patch (see `SettingsService.update`). */
  updateSettings<K extends SettingsSection>(section: K, patch: Partial<Settings[K]>): Promise<Result<Settings[K], CommonError>>;
  /** Changes the admin password, refusing weak ones; ends every admin session. */
  setAdminPassword(password: string): Promise<Result<void, CommonError>>;
  /** One settings section as stored (for setters that change part of a nested object). */
  getSettings<K extends SettingsSection>(section: K): Settings[K];
  /** A password login, throttled per address (see `AdminAccess.login`). */
  adminLogin(attempt: AdminLogin): Promise<Result<void, CommonError>>;
  /** Starts an admin session after a login; answers its token and lifetime. */
  createAdminSession(): Promise<{ token: string; ttlMs: number }>;
  /** Whether a session token is live. */
  isAdminSession(token: string): Promise<boolean>;
  /** `GET /api/admin/serverconfig`. */
  getServerConfig(): Promise<AdminServerConfig>;
  /** Stores a logo (base64 or a `data:` URL) and its PNG copy. */
  setLogo(data: string): Promise<Result<void, CommonError>>;
  /** Stores a favicon (PNG or ICO, base64 or a `data:` URL, ≤ 200 KB). */
  setFavicon(data: string): Promise<Result<void, CommonError>>;
  resetFavicon(): Promise<Result<void, CommonError>>;
  /** An uploaded logo or favicon; `undefined` means the built-in one. */
  getBrandingAsset(name: BrandingAsset): Promise<StoredAsset | undefined>;
  /** `GET /api/admin/status`: the broadcaster, the output ladder and the viewer counts. */
  getAdminStatus(): AdminStatus;
  /** `GET /api/video/variants`: the renditions viewers can pick. */
  getVideoVariants(): VideoVariantInfo[];
  /** A stored video file (`/hls/*`, thumbnails); `undefined` when missing or not a safe key. */
  getVideoFile(key: string): Promise<{ body: Uint8Array; contentType: string } | undefined>;
  /** A client fetched a playlist or pinged: count it as an active viewer. */
  viewerSeen(sighting: ViewerSighting): void;
  /** Drops the current broadcaster; `false` when nobody is streaming. */
  disconnectBroadcaster(): boolean;
  /** Where the RTMP ingest listens now; `undefined` without an ingest or before `start`. */
  rtmpEndpoint(): IngestEndpoint | undefined;
  /** Encoders usable with the configured ffmpeg ([] without a transcoder, or when ffmpeg cannot be run). */
  supportedCodecs(): Promise<VideoCodec[]>;
  /** Warnings an operator must see (default password or stream key still in use). */
  securityWarnings(): string[];
  /** Loads state, applies start-up overrides and starts ingest. */
  start(): Promise<void>;
  /** Stops ingest (ending any stream and its transcoder) and timers; safe to call twice. */
  stop(): Promise<void>;
}

/** Builds the application from its ports. The one factory integrators and the server both use. */
export function createAppController(deps: AppControllerDeps): AppController {
  const clock = deps.clock ?? systemClock;
  const { logger, repositories } = deps;
  const events = new EventBus(logger.child({ component: 'events' }));
  const settings = new SettingsService({ repository: repositories.settings, hasher: deps.hasher, events, clock, logger: logger.child({ component: 'settings' }) });
  const stats = new StatsService({ repository: repositories.stats, events, clock, logger: logger.child({ component: 'stats' }), ...(deps.geoip ? { geoip: deps.geoip } : {}) });
  const { remoteStorage, ...videoTiming } = deps.videoOptions ?? {};
  const videoOptions = remoteStorage ? { ...videoTiming, remoteStorage: () => remoteStorage(settings.get('storage')) } : videoTiming;
  const video = deps.storage ? new VideoOutputService({ storage: deps.storage, clock, logger: logger.child({ component: 'video' }), options: videoOptions }) : undefined;
  const stream = new StreamService({
    settings,
    stats,
    events,
    clock,
    logger: logger.child({ component: 'stream' }),
    ...(deps.transcoder ? { transcoder: deps.transcoder } : {}),
    ...(video ? { video } : {}),
    ...(deps.streamKeyOverride !== undefined ? { streamKeyOverride: deps.streamKeyOverride } : {}),
    ...(deps.ffmpegPathOverride !== undefined ? { ffmpegPathOverride: deps.ffmpegPathOverride } : {}),
  });
  const chat = new ChatService({
    users: repositories.users,
    messages: repositories.chatMessages,
    ipBans: repositories.ipBans,
    accessTokens: repositories.accessTokens,
    settings,
    events,
    clock,
    logger: logger.child({ component: 'chat' }),
    isOnline: () => stream.online,
    renderer: deps.chatRenderer,
    emoji: deps.emoji,
    geoip: deps.geoip,
    options: deps.chatOptions,
  });
  const branding = new BrandingService({ settings, assets: deps.assets, resizer: deps.imageResizer });
  const adminAccess = new AdminAccess({ settings, clock, logger: logger.child({ component: 'admin-auth' }), options: deps.adminAccess });
  const status = new StatusService({ settings, stream, stats, followers: repositories.followers, renderer: deps.renderer, clock });
  let stopped: Promise<void> | undefined;
  let lifecycle: 'starting' | 'running' | 'stopped' = 'starting';
  const operations = createOperations({ settings, stream, stats, statsRepository: repositories.stats, chatClientCount: () => chat.listChatClients().length, events, clock, logger: logger.child({ component: 'operations' }), lifecycle: () => lifecycle, logHistory: deps.logHistory, systemMetrics: deps.systemMetrics });
  const keeper = deps.ingest
    ? new IngestEndpointKeeper({ ingest: deps.ingest, handler: stream, settings, events, logger: logger.child({ component: 'ingest' }), ...(deps.rtmpPortOverride !== undefined ? { pinnedPort: deps.rtmpPortOverride } : {}) })
    : undefined;
  const ffmpegPath = () => deps.ffmpegPathOverride ?? settings.get('video').ffmpegPath;
  const supportedCodecs = async (): Promise<VideoCodec[]> => {
    const codecs = deps.transcoder ? await usableCodecs(deps.transcoder, ffmpegPath()) : ok([]);
    return codecs.ok ? codecs.value : [];
  };

  /** Settings patches, with the checks the settings schema cannot make: does ffmpeg run, is the codec usable here? */
  const updateSettings = async <K extends SettingsSection>(section: K, patch: Partial<Settings[K]>): Promise<Result<Settings[K], CommonError>> => {
    if (section === 'video') {
      const checked = await checkVideoPatch(deps.transcoder, ffmpegPath(), patch as Partial<Settings['video']>);
      if (!checked.ok) return checked;
    }
    return settings.update(section, patch);
  };

  const securityWarnings = (): string[] => {
    const warnings: string[] = [];
    if (settings.get('security').adminPasswordIsDefault) warnings.push('the admin password is still the default "abc123": change it in the admin or with --adminpassword');
    if (deps.streamKeyOverride === undefined && settings.get('security').streamKeys.some((k) => k.key === DEFAULT_STREAM_KEY)) {
      warnings.push('the stream key "abc123" is still configured: anyone who knows it can broadcast; replace it in the admin');
    }
    return warnings;
  };

  return {
    // ChatService's API members are own (arrow) properties, so the spread carries them; tsc checks it.
    ...chat,
    ...operations.api,
    chat,
    events,
    settings,
    stream,
    stats,
    repositories,
    logger,
    clock,
    getStatus: () => status.status(),
    getWebConfig: () => status.webConfig(),
    verifyAdminPassword: (candidate) => settings.verifyAdminPassword(candidate),
    updateSettings,
    getAdminStatus: () => ({ ...status.adminStatus(), health: operations.healthOverview() ?? null }),
    getVideoVariants: () => status.videoVariants(),
    getVideoFile: async (key) => video?.get(key),
    viewerSeen: (sighting) => stats.viewerSeen(sighting),
    disconnectBroadcaster: () => stream.disconnectBroadcaster(),
    supportedCodecs,
    rtmpEndpoint: () => keeper?.current,
    async setAdminPassword(password) {
      const result = await settings.setAdminPassword(password);
      if (result.ok) adminAccess.passwordChanged();
      return result;
    },
    getSettings: (section) => settings.get(section),
    adminLogin: (attempt) => adminAccess.login(attempt),
    createAdminSession: async () => ({ token: await adminAccess.sessions.create(), ttlMs: adminAccess.sessions.ttlMs }),
    isAdminSession: (token) => adminAccess.sessions.isValid(token),
    getServerConfig: async () => adminServerConfig({ get: (section) => settings.get(section), supportedCodecs: await supportedCodecs(), streamKeyOverridden: deps.streamKeyOverride !== undefined }),
    setLogo: (data) => branding.setLogo(data),
    setFavicon: (data) => branding.setFavicon(data),
    resetFavicon: () => branding.resetFavicon(),
    getBrandingAsset: (name) => branding.asset(name),
    securityWarnings,
    async start() {
      await settings.load();
      await stats.load();
      if (deps.adminPasswordOverride !== undefined) {
        const result = await settings.overrideAdminPassword(deps.adminPasswordOverride);
        if (!result.ok) throw new Error(`--adminpassword: ${result.error.message}`);
      }
      for (const warning of securityWarnings()) logger.warn({ security: true }, `SECURITY WARNING: ${warning}`);
      stats.start();
      await chat.start();
      // No stream is live at start: whatever an earlier process left behind is stale.
      await video?.clear();
      if (deps.ingest !== undefined) {
        stream.attachIngest(deps.ingest);
        await keeper?.start();
      }
      operations.start();
      lifecycle = 'running';
    },
    stop() {
      stopped ??= (async () => {
        lifecycle = 'stopped';
        operations.stop();
        stats.stop();
        await keeper?.stop();
        await stream.endSession();
        // After the stream has ended, so chat still tells viewers it is ending.
        chat.stop();
        await deps.ingest?.stop();
        video?.stop();
      })();
      return stopped;
    },
  };
}
