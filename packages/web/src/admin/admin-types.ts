/** Shapes of the admin API answers the dashboard reads (Owncast's field names; only what is used). */
import type { ExternalAction } from '../shared/api.ts';

export type { ExternalAction };

export interface TimePoint {
  time: string;
  value: number;
}

export interface OutputVariant {
  name: string;
  videoPassthrough: boolean;
  audioPassthrough: boolean;
  videoBitrate: number;
  audioBitrate: number;
  scaledWidth: number;
  scaledHeight: number;
  framerate: number;
  cpuUsageLevel: number;
}

export interface AdminStatus {
  online: boolean;
  broadcaster: {
    remoteAddr: string;
    time: string;
    streamDetails: { videoCodec: string; audioCodec: string; encoder: string; width: number; height: number; videoBitrate: number; audioBitrate: number; framerate: number };
  } | null;
  currentBroadcast: { outputSettings: OutputVariant[]; latencyLevel: { level: number; secondsPerSegment: number; segmentCount: number } } | null;
  streamTitle: string;
  versionNumber: string;
  viewerCount: number;
  overallPeakViewerCount: number;
  sessionPeakViewerCount: number;
}

export interface HardwareStats {
  cpu: TimePoint[];
  memory: TimePoint[];
  disk: TimePoint[];
  healthy?: boolean;
  healthPercentage?: number;
  message?: string;
  representation?: number;
}

export interface SocialHandle {
  platform: string;
  url: string;
  icon?: string;
}

export interface StreamKey {
  key: string;
  comment?: string;
}

export interface S3Config {
  enabled: boolean;
  endpoint: string;
  accessKey: string;
  secret: string;
  bucket: string;
  region: string;
  acl: string;
  pathPrefix: string;
  forcePathStyle: boolean;
}

export interface ServerConfig {
  instanceDetails: {
    name: string;
    summary: string;
    welcomeMessage: string;
    offlineMessage: string;
    logo: string;
    tags: string[];
    version: string;
    extraPageContent: string;
    streamTitle: string;
    socialHandles: SocialHandle[];
    nsfw: boolean;
    autoplay: string;
    customStyles: string;
    customJavascript: string;
    appearanceVariables: Record<string, string>;
  };
  socketHostOverride: string;
  webServerIP: string;
  webServerPort: number;
  rtmpServerPort: number;
  rtmpServerAddress: string;
  videoCodec: string;
  videoServingEndpoint: string;
  s3: S3Config;
  supportedCodecs: string[];
  externalActions?: ExternalAction[];
  forbiddenUsernames: string[];
  suggestedUsernames: string[];
  streamKeys: StreamKey[];
  streamKeyOverridden?: boolean;
  videoSettings: { videoQualityVariants: OutputVariant[]; latencyLevel: number };
  chatDisabled: boolean;
  chatJoinMessagesEnabled: boolean;
  chatEstablishedUserMode: boolean;
  chatSpamProtectionEnabled: boolean;
  chatSlurFilterEnabled: boolean;
  chatRequireAuthentication: boolean;
  disableSearchIndexing: boolean;
  hideViewerCount: boolean;
  /** `instanceUrl` is the server URL setting. */
  yp?: { enabled: boolean; instanceUrl: string };
  notifications?: { browser: { enabled: boolean; goLiveMessage: string }; discord: { enabled: boolean; webhook: string; goLiveMessage: string } };
}

export interface LogEntry {
  time: string;
  /** debug, info, warning (or warn), error */
  level: string;
  message: string;
}

export interface AdminUser {
  id: string;
  displayName: string;
  displayColor: number;
  createdAt: string;
  previousNames: string[];
  scopes: string[];
  isBot: boolean;
  disabledAt?: string;
}

export interface AdminChatMessage {
  type: string;
  id: string;
  timestamp: string;
  body: string;
  visible: boolean;
  user?: Partial<AdminUser> & { displayName: string };
}

export interface IpBan {
  ipAddress: string;
  notes: string;
  createdAt: string;
}

export interface AccessToken {
  id: string;
  displayName: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  tokenPrefix: string;
}
