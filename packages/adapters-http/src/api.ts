import type { AdminStatus, ChatApi, CommonError, PublicStatus, Result, Settings, SettingsSection, VideoVariantInfo, ViewerSighting, WebConfig } from '@hexcast/core';

/** What the public routes need from the application. */
export interface StatusApi {
  getStatus(): PublicStatus;
  getWebConfig(): Promise<WebConfig>;
}

/** What the video routes (`/hls/*`, thumbnails, variants) need. */
export interface VideoApi {
  getVideoFile(key: string): Promise<{ body: Uint8Array; contentType: string } | undefined>;
  viewerSeen(sighting: ViewerSighting): void;
  getVideoVariants(): VideoVariantInfo[];
}

/** What the admin's stream controls need. */
export interface AdminStreamApi {
  getAdminStatus(): AdminStatus;
  disconnectBroadcaster(): boolean;
}

/** What admin authentication needs. */
export interface AdminAuthApi {
  verifyAdminPassword(candidate: string): Promise<boolean>;
}

/** What the admin configuration setters need. */
export interface AdminConfigApi {
  updateSettings<K extends SettingsSection>(section: K, patch: Partial<Settings[K]>): Promise<Result<Settings[K], CommonError>>;
  setAdminPassword(password: string): Promise<Result<void, CommonError>>;
}

/** Everything `createHttpApp` needs: `AppController` satisfies it. */
export type HttpApi = StatusApi & VideoApi & AdminStreamApi & AdminAuthApi & AdminConfigApi & ChatApi;

/** What the integration (bearer token) routes need besides chat: the status and the stream title. */
export type IntegrationsApi = ChatApi & Pick<StatusApi, 'getStatus'> & Pick<AdminConfigApi, 'updateSettings'>;
