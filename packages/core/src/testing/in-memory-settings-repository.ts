import type { Settings, SettingsSection } from '../domain/settings.ts';
import type { SettingsRepository } from '../ports/settings-repository.ts';
import { copy } from './port-semantics.ts';

/** `SettingsRepository` in a map: sections are stored and returned as copies. */
export class InMemorySettingsRepository implements SettingsRepository {
  readonly #sections = new Map<SettingsSection, unknown>();
  #populated = false;

  async read<K extends SettingsSection>(section: K): Promise<Settings[K] | undefined> {
    const stored = this.#sections.get(section);
    return stored === undefined ? undefined : (copy(stored) as Settings[K]);
  }

  async write<K extends SettingsSection>(section: K, value: Settings[K]): Promise<void> {
    this.#sections.set(section, copy(value));
  }

  async isPopulated(): Promise<boolean> {
    return this.#populated;
  }

  async markPopulated(): Promise<void> {
    this.#populated = true;
  }
}
