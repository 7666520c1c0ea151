import type { CommonError, PublicStatus, Result, Settings, SettingsSection, WebConfig } from '@hexcast/core';

/** What the public routes need from the application. */
export interface StatusApi {
  getStatus(): PublicStatus;
  getWebConfig(): Promise<WebConfig>;
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
export type HttpApi = StatusApi & AdminAuthApi & AdminConfigApi;
