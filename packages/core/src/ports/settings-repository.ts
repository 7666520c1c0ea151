import type { Settings, SettingsSection } from '../domain/settings.ts';

/**
 * Durable storage of the settings sections. It stores and returns whole sections as given:
 * validation and defaults belong to `SettingsService`, so the store stays a dumb, fast map.
 */
export interface SettingsRepository {
  /** The stored value of a section, or `undefined` when it was never written. */
  read<K extends SettingsSection>(section: K): Promise<Settings[K] | undefined>;
  /**
   * Replaces a section. Once this resolves the value is durable (it survives a crash).
   * Writing the same value twice is harmless.
   */
  write<K extends SettingsSection>(section: K, value: Settings[K]): Promise<void>;
  /** Whether first-start defaults were populated (a marker separate from any section). */
  isPopulated(): Promise<boolean>;
  /** Records that defaults were populated; idempotent. */
  markPopulated(): Promise<void>;
}
