import { MAX_SOCKET_PAYLOAD_SIZE } from '../domain/chat.ts';
import { socialPlatformIcon } from '../domain/social-platforms.ts';
import { HEXCAST_VERSION } from '../domain/version.ts';
import { latencyLevel, variantDisplayName, type InboundStreamDetails, type OutputVariant } from '../domain/video.ts';
import type { StreamHealthOverview } from '../domain/operations.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContentRenderer } from '../ports/content-renderer.ts';
import type { FollowerRepository } from '../ports/follower-repository.ts';
import type { SettingsService } from './settings-service.ts';
import type { StatsService } from './stats-service.ts';
import type { StreamService } from './stream-service.ts';

/** `GET /api/status`, with Owncast's field names. */
export interface PublicStatus {
  readonly online: boolean;
  readonly viewerCount?: number;
  readonly serverTime: Date;
  readonly lastConnectTime: Date | null;
  readonly lastDisconnectTime: Date | null;
  readonly versionNumber: string;
  readonly streamTitle: string;
}

/** `GET /api/config`: what the viewer page needs, with Owncast's field names. */
export interface WebConfig {
  readonly name: string;
  readonly summary: string;
  readonly logo: string;
  readonly tags: readonly string[];
  readonly version: string;
  readonly nsfw: boolean;
  readonly socialHandles: ReadonlyArray<{ platform: string; url: string; icon: string }>;
  readonly extraPageContent: string;
  readonly offlineMessage: string;
  readonly streamTitle: string;
  readonly appearanceVariables: Readonly<Record<string, string>>;
  readonly customStyles: string;
  readonly socketHostOverride: string;
  readonly externalActions: readonly unknown[];
  readonly notifications: { browser: { enabled: boolean; publicKey: string } };
  readonly federation: { enabled: boolean; account: string; followerCount: number; hideFollowersTab: boolean };
  readonly maxSocketPayloadSize: number;
  readonly hideViewerCount: boolean;
  readonly chatDisabled: boolean;
  readonly chatRequireAuthentication: boolean;
  readonly autoplay: string;
  readonly authentication: { indieAuthEnabled: boolean };
}

/** `GET /api/admin/status`, with Owncast's field names. */
export interface AdminStatus {
  readonly online: boolean;
  readonly broadcaster: { remoteAddr: string; time: Date; streamDetails: InboundStreamDetails } | null;
  readonly currentBroadcast: { outputSettings: readonly OutputVariant[]; latencyLevel: { level: number; secondsPerSegment: number; segmentCount: number } } | null;
  /** playback health judged from players' reports (see `StreamHealthOverview`); `null` until players report */
  readonly health: StreamHealthOverview | null;
  readonly streamTitle: string;
  readonly versionNumber: string;
  readonly viewerCount: number;
  readonly overallPeakViewerCount: number;
  readonly sessionPeakViewerCount: number;
}

/** One entry of `GET /api/video/variants`. */
export interface VideoVariantInfo {
  readonly index: number;
  readonly name: string;
}

export interface StatusServiceDeps {
  readonly settings: SettingsService;
  readonly stream: StreamService;
  readonly stats: StatsService;
  readonly followers: FollowerRepository;
  readonly renderer: ContentRenderer;
  readonly clock: Clock;
}

/** Builds the public status and web config documents from settings and live state. */
export class StatusService {
  readonly #deps: StatusServiceDeps;
  readonly #rendered = new Map<string, string>();

  constructor(deps: StatusServiceDeps) {
    this.#deps = deps;
  }

  status(): PublicStatus {
    const { settings, stream, stats, clock } = this.#deps;
    const { lastConnectTime, lastDisconnectTime } = stats.streamStats;
    const hide = settings.get('appearance').hideViewerCount;
    return {
      online: stream.online,
      ...(hide ? {} : { viewerCount: stats.viewerCount }),
      serverTime: clock.now(),
      lastConnectTime,
      lastDisconnectTime,
      versionNumber: HEXCAST_VERSION,
      streamTitle: settings.get('serverInfo').streamTitle,
    };
  }

  adminStatus(): AdminStatus {
    const { settings, stream, stats } = this.#deps;
    const broadcaster = stream.broadcaster;
    const video = settings.get('video');
    return {
      online: stream.online,
      broadcaster: broadcaster === null ? null : { remoteAddr: broadcaster.remoteAddr, time: broadcaster.connectedAt, streamDetails: broadcaster.streamDetails },
      currentBroadcast: broadcaster === null ? null : { outputSettings: video.outputVariants, latencyLevel: latencyLevel(video.latencyLevel) },
      health: null,
      streamTitle: settings.get('serverInfo').streamTitle,
      versionNumber: HEXCAST_VERSION,
      viewerCount: stats.viewerCount,
      overallPeakViewerCount: stats.streamStats.overallPeakViewerCount,
      sessionPeakViewerCount: stats.streamStats.sessionPeakViewerCount,
    };
  }

  videoVariants(): VideoVariantInfo[] {
    return this.#deps.settings.get('video').outputVariants.map((variant, index) => ({ index, name: variantDisplayName(variant) }));
  }

  async webConfig(): Promise<WebConfig> {
    const { settings, followers } = this.#deps;
    const info = settings.get('serverInfo');
    const appearance = settings.get('appearance');
    const chat = settings.get('chat');
    const federation = settings.get('federation');
    const browser = settings.get('notifications').browser;
    const host = info.serverUrl === '' ? '' : new URL(info.serverUrl).host;
    return {
      name: info.name,
      summary: info.summary,
      logo: '/logo',
      tags: info.tags,
      version: HEXCAST_VERSION,
      nsfw: info.nsfw,
      socialHandles: info.socialHandles.map((h) => ({ ...h, icon: socialPlatformIcon(h.platform) })),
      extraPageContent: this.#render(info.extraPageContent),
      offlineMessage: this.#render(info.offlineMessage),
      streamTitle: info.streamTitle,
      appearanceVariables: appearance.appearanceVariables,
      customStyles: appearance.customStyles,
      socketHostOverride: settings.get('server').socketHostOverride,
      externalActions: info.externalActions,
      notifications: { browser: { enabled: browser.enabled && browser.vapidPublicKey !== '', publicKey: browser.vapidPublicKey } },
      federation: {
        enabled: federation.enabled,
        account: host === '' ? '' : `${federation.username}@${host}`,
        followerCount: federation.enabled ? await followers.count('approved') : 0,
        hideFollowersTab: federation.hideFollowersTab,
      },
      maxSocketPayloadSize: MAX_SOCKET_PAYLOAD_SIZE,
      hideViewerCount: appearance.hideViewerCount,
      chatDisabled: chat.disabled,
      chatRequireAuthentication: chat.requireAuthentication,
      autoplay: appearance.autoplay,
      authentication: { indieAuthEnabled: info.serverUrl !== '' },
    };
  }

  /** Markdown is rendered once per distinct text (settings change rarely; configs are fetched often). */
  #render(markdown: string): string {
    let html = this.#rendered.get(markdown);
    if (html === undefined) {
      if (this.#rendered.size > 32) this.#rendered.clear();
      html = this.#deps.renderer.renderMarkdown(markdown);
      this.#rendered.set(markdown, html);
    }
    return html;
  }
}
