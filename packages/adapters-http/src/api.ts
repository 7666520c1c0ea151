import type { AdminLogin, AdminServerConfig, AdminStatus, BrandingAsset, ChatApi, CommonError, OperationsApi, PublicStatus, Result, Settings, SettingsSection, StoredAsset, VideoVariantInfo, ViewerSighting, WebConfig } from '@hexcast/core';

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

/** What admin authentication needs: throttled password logins and sessions (the cookie). */
export interface AdminAuthApi {
  adminLogin(attempt: AdminLogin): Promise<Result<void, CommonError>>;
  createAdminSession(): Promise<{ token: string; ttlMs: number }>;
  isAdminSession(token: string): Promise<boolean>;
}

/** Reading settings as stored (setters of nested objects, `/robots.txt`, `/customjavascript`). */
export interface SettingsReader {
  getSettings<K extends SettingsSection>(section: K): Settings[K];
}

/** What the branding and site files (`/logo`, `/favicon.ico`, `/robots.txt`, …) need. */
export interface StaticAssetsApi extends SettingsReader {
  getBrandingAsset(name: BrandingAsset): Promise<StoredAsset | undefined>;
}

/** What the admin configuration setters need. */
export interface AdminConfigApi {
  updateSettings<K extends SettingsSection>(section: K, patch: Partial<Settings[K]>): Promise<Result<Settings[K], CommonError>>;
  setAdminPassword(password: string): Promise<Result<void, CommonError>>;
  getSettings<K extends SettingsSection>(section: K): Settings[K];
  getServerConfig(): Promise<AdminServerConfig>;
  setLogo(data: string): Promise<Result<void, CommonError>>;
  setFavicon(data: string): Promise<Result<void, CommonError>>;
  resetFavicon(): Promise<Result<void, CommonError>>;
}

/** Everything `createHttpApp` needs: `AppController` satisfies it. */
export type HttpApi = StatusApi & VideoApi & AdminStreamApi & AdminAuthApi & AdminConfigApi & StaticAssetsApi & ChatApi & OperationsApi;

/** What the integration (bearer token) routes need besides chat: the status and the stream title. */
export type IntegrationsApi = ChatApi & Pick<StatusApi, 'getStatus'> & Pick<AdminConfigApi, 'updateSettings'>;
