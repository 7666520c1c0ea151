import { z } from 'zod';
import { DEFAULT_LATENCY_LEVEL, DEFAULT_VIDEO_CODEC, LatencyLevelSchema, OutputVariantSchema, StreamKeySchema, VideoCodecSchema } from './video.ts';

/**
 * Settings are split by concern into sections. Each section's schema carries Owncast's defaults,
 * so `schema.parse({})` is a fresh server and a stored section missing newer fields still parses.
 */
const http = z.url({ protocol: /^https?$/ });

export const SocialHandleSchema = z.object({
  platform: z.string().trim().min(1).max(64),
  url: http,
});

export const ExternalActionSchema = z.object({
  url: http,
  title: z.string().trim().min(1).max(128),
  description: z.string().max(512).default(''),
  icon: z.string().max(2048).default(''),
  color: z.string().max(64).default(''),
  html: z.string().max(20_000).default(''),
  openExternally: z.boolean().default(false),
});

export const ServerInfoSettingsSchema = z.object({
  name: z.string().trim().min(1).max(128).default('New hexcast server'),
  summary: z.string().max(2048).default('This is a new live video streaming server powered by hexcast.'),
  streamTitle: z.string().max(256).default(''),
  tags: z.array(z.string().trim().min(1).max(64)).max(64).default(['owncast', 'streaming']),
  socialHandles: z.array(SocialHandleSchema).max(64).default([{ platform: 'github', url: 'https://github.com/owncast/owncast' }]),
  /** markdown */
  extraPageContent: z.string().max(100_000).default('# Welcome to hexcast!\n\nThis is the page content: change it in the admin under Server settings.'),
  /** markdown */
  offlineMessage: z.string().max(10_000).default(''),
  /** markdown, sent to each chat client shortly after it joins a live stream */
  welcomeMessage: z.string().max(10_000).default(''),
  /** absolute public URL of this server; '' until configured */
  serverUrl: z.union([z.literal(''), http]).default(''),
  nsfw: z.boolean().default(false),
  externalActions: z.array(ExternalActionSchema).max(32).default([]),
});

export const AUTOPLAY_MODES = ['off', 'always', 'sound-only'] as const;

export const AppearanceSettingsSchema = z.object({
  /** file name of the logo under the data dir; '' means the built-in logo */
  logo: z.string().max(256).default(''),
  favicon: z.string().max(256).default(''),
  appearanceVariables: z.record(z.string().max(64), z.string().max(256)).default({}),
  customStyles: z.string().max(100_000).default(''),
  customJavascript: z.string().max(100_000).default(''),
  hideViewerCount: z.boolean().default(false),
  disableSearchIndexing: z.boolean().default(false),
  autoplay: z.enum(AUTOPLAY_MODES).default('off'),
});

export const VideoSettingsSchema = z.object({
  latencyLevel: LatencyLevelSchema.default(DEFAULT_LATENCY_LEVEL),
  outputVariants: z.array(OutputVariantSchema).min(1).max(10).prefault([{}]),
  codec: VideoCodecSchema.default(DEFAULT_VIDEO_CODEC),
  /** '' means find ffmpeg on the PATH */
  ffmpegPath: z.string().max(1024).default(''),
});

/** An address to listen on: an IPv4 or IPv6 address, or a host name. */
const bindAddress = z.union([z.ipv4(), z.ipv6(), z.hostname().max(253)], { error: 'must be an IP address or a host name' });

export const ServerSettingsSchema = z.object({
  webServerPort: z.number().int().min(1).max(65_535).default(8080),
  webServerIp: bindAddress.default('0.0.0.0'),
  rtmpServerPort: z.number().int().min(1).max(65_535).default(1935),
  rtmpServerAddress: bindAddress.default('0.0.0.0'),
  /** where browsers open the chat socket instead of this server ('' for this server) */
  socketHostOverride: z.union([z.literal(''), z.url({ protocol: /^(?:https?|wss?)$/ })]).default(''),
});

export const SecuritySettingsSchema = z.object({
  /** bcrypt hash; '' only before defaults are populated */
  adminPasswordHash: z.string().default(''),
  /** true while the admin password is still the well-known default */
  adminPasswordIsDefault: z.boolean().default(true),
  streamKeys: z.array(StreamKeySchema).max(64).default([{ key: 'abc123', comment: 'Default stream key' }]),
});

export const ChatSettingsSchema = z.object({
  disabled: z.boolean().default(false),
  joinMessagesEnabled: z.boolean().default(true),
  establishedUserMode: z.boolean().default(false),
  /** minutes a new user must wait in established-user mode */
  establishedUserModeMinutes: z.number().int().min(0).max(10_080).default(15),
  requireAuthentication: z.boolean().default(false),
  spamProtectionEnabled: z.boolean().default(true),
  slurFilterEnabled: z.boolean().default(false),
  forbiddenUsernames: z.array(z.string().trim().min(1).max(64)).max(1000).default(['owncast', 'operator', 'admin', 'system']),
  suggestedUsernames: z.array(z.string().trim().min(1).max(30)).max(1000).default([]),
});

export const FederationSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  isPrivate: z.boolean().default(false),
  showEngagement: z.boolean().default(true),
  enableQuotes: z.boolean().default(true),
  hideFollowersTab: z.boolean().default(false),
  username: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/).default('streamer'),
  goLiveMessage: z.string().max(500).default("I've gone live!"),
  blockedDomains: z.array(z.string().trim().min(1).max(255)).max(10_000).default([]),
  /** PEM keys of the actor, generated on first use */
  publicKeyPem: z.string().default(''),
  privateKeyPem: z.string().default(''),
});

export const NotificationSettingsSchema = z.object({
  discord: z
    .object({
      enabled: z.boolean().default(false),
      webhook: z.union([z.literal(''), http]).default(''),
      goLiveMessage: z.string().max(500).default("I've gone live!"),
    })
    .prefault({}),
  browser: z
    .object({
      enabled: z.boolean().default(true),
      goLiveMessage: z.string().max(500).default("I've gone live!"),
      vapidPublicKey: z.string().default(''),
      vapidPrivateKey: z.string().default(''),
    })
    .prefault({}),
});

/** Owncast's `S3Info`. When enabled, the endpoint, bucket, region and credentials are required. */
export const S3SettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    endpoint: z.string().max(1024).default(''),
    accessKey: z.string().max(1024).default(''),
    secret: z.string().max(1024).default(''),
    bucket: z.string().max(255).default(''),
    region: z.string().max(64).default(''),
    acl: z.string().max(64).default(''),
    pathPrefix: z.string().max(512).default(''),
    forcePathStyle: z.boolean().default(false),
  })
  .superRefine((s3, ctx) => {
    if (!s3.enabled) return;
    if (!/^https?:\/\/[^\s/]+/.test(s3.endpoint)) ctx.addIssue({ code: 'custom', path: ['endpoint'], message: 'S3 storage needs an http(s) endpoint URL' });
    for (const field of ['bucket', 'region', 'accessKey', 'secret'] as const) {
      if (s3[field].trim() === '') ctx.addIssue({ code: 'custom', path: [field], message: `S3 storage needs ${field === 'accessKey' ? 'an access key' : field === 'secret' ? 'a secret' : `a ${field}`}` });
    }
  });

export const StorageSettingsSchema = z.object({
  s3: S3SettingsSchema.prefault({}),
  /** a CDN or other public URL that video is served from; '' serves it from this server */
  videoServingEndpoint: z.union([z.literal(''), http]).default(''),
});

export const DirectorySettingsSchema = z.object({
  enabled: z.boolean().default(false),
  directoryUrl: http.default('https://directory.owncast.online'),
  /** key the directory handed back on the last ping; '' when unregistered */
  registrationKey: z.string().max(1024).default(''),
});

/** Every settings section and its schema. The section names are the stored keys. */
export const SETTINGS_SCHEMAS = {
  serverInfo: ServerInfoSettingsSchema,
  appearance: AppearanceSettingsSchema,
  video: VideoSettingsSchema,
  server: ServerSettingsSchema,
  security: SecuritySettingsSchema,
  chat: ChatSettingsSchema,
  federation: FederationSettingsSchema,
  notifications: NotificationSettingsSchema,
  storage: StorageSettingsSchema,
  directory: DirectorySettingsSchema,
} as const;

export type SettingsSection = keyof typeof SETTINGS_SCHEMAS;
export type Settings = { [K in SettingsSection]: z.infer<(typeof SETTINGS_SCHEMAS)[K]> };
export const SETTINGS_SECTIONS = Object.keys(SETTINGS_SCHEMAS) as SettingsSection[];

export type ServerInfoSettings = Settings['serverInfo'];
export type VideoSettings = Settings['video'];
export type ChatSettings = Settings['chat'];
export type SecuritySettings = Settings['security'];

/** The defaults of a fresh server for one section. */
export function defaultSettings<K extends SettingsSection>(section: K): Settings[K] {
  return SETTINGS_SCHEMAS[section].parse({}) as Settings[K];
}

/** The well-known defaults that a running server warns about until they are changed. */
export const DEFAULT_ADMIN_PASSWORD = 'abc123';
export const DEFAULT_STREAM_KEY = 'abc123';
