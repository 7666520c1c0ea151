import { err, ok, type CommonError, type Result } from '../domain/result.ts';
import {
  DEFAULT_ADMIN_PASSWORD,
  SETTINGS_SCHEMAS,
  SETTINGS_SECTIONS,
  defaultSettings,
  type Settings,
  type SettingsSection,
} from '../domain/settings.ts';
import { weakAdminPasswordReason } from '../domain/admin-password.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { PasswordHasher } from '../ports/password-hasher.ts';
import type { SettingsRepository } from '../ports/settings-repository.ts';
import type { EventBus } from './event-bus.ts';
import { zodIssues } from './validation.ts';

export interface SettingsServiceDeps {
  readonly repository: SettingsRepository;
  readonly hasher: PasswordHasher;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly clock?: Clock;
}


/**
 * Validated, cached access to every settings section. Reads are synchronous from memory (they
 * sit on hot paths such as `/api/config`); writes validate, persist, then update the cache.
 */
export class SettingsService {
  readonly #deps: SettingsServiceDeps;
  #cache: Settings | undefined;
  #writes: Promise<unknown> = Promise.resolve();

  constructor(deps: SettingsServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Loads every section, populating a fresh store with the defaults first (the admin password
   * `abc123` is stored as a bcrypt hash). Stored sections are re-parsed so fields added by newer
   * versions get their defaults.
   */
  async load(): Promise<void> {
    const { repository, hasher, logger } = this.#deps;
    if (!(await repository.isPopulated())) {
      for (const section of SETTINGS_SECTIONS) await repository.write(section, defaultSettings(section));
      const security = defaultSettings('security');
      await repository.write('security', { ...security, adminPasswordHash: await hasher.hash(DEFAULT_ADMIN_PASSWORD), adminPasswordIsDefault: true });
      await repository.markPopulated();
      logger.info({}, 'populated default settings');
    }
    const cache: Partial<Record<SettingsSection, unknown>> = {};
    for (const section of SETTINGS_SECTIONS) {
      const stored = await repository.read(section);
      const parsed = SETTINGS_SCHEMAS[section].safeParse(stored ?? {});
      if (!parsed.success) {
        logger.warn({ section, issues: zodIssues(parsed.error) }, 'stored settings section is invalid; using defaults for it');
      }
      cache[section] = parsed.success ? parsed.data : defaultSettings(section);
    }
    this.#cache = cache as Settings;
  }

  /** The current value of a section. Throws if called before `load()`. */
  get<K extends SettingsSection>(section: K): Settings[K] {
    if (this.#cache === undefined) throw new Error('SettingsService.get called before load()');
    return this.#cache[section];
  }

  /**
   * Merges `patch` into a section, validates the result, persists it and announces
   * `settings-changed`. Invalid values change nothing and come back as `invalid-input`.
   */
  async update<K extends SettingsSection>(section: K, patch: Partial<Settings[K]>): Promise<Result<Settings[K], CommonError>> {
    const run = async (): Promise<Result<Settings[K], CommonError>> => {
      const merged = { ...this.get(section), ...patch };
      const parsed = SETTINGS_SCHEMAS[section].safeParse(merged);
      if (!parsed.success) {
        const issues = zodIssues(parsed.error);
        return err({ kind: 'invalid-input', message: issues.join('; '), issues });
      }
      const value = parsed.data as Settings[K];
      const previous = this.get(section);
      await this.#deps.repository.write(section, value);
      this.#cache = { ...this.#cache!, [section]: value };
      this.#deps.events.publish({ type: 'settings-changed', section });
      this.#announceTitleChange(previous, value);
      return ok(value);
    };
    // Serialise writes so two concurrent patches of one section cannot lose each other's fields.
    const next = this.#writes.then(run, run);
    this.#writes = next.catch(() => undefined);
    return next;
  }

  #announceTitleChange(previous: unknown, next: unknown): void {
    const title = (value: unknown) => (value as { streamTitle?: unknown }).streamTitle;
    if (title(next) !== undefined && title(previous) !== title(next)) {
      this.#deps.events.publish({ type: 'stream-title-changed', title: String(title(next)), at: (this.#deps.clock ?? systemClock).now() });
    }
  }

  /** Checks a candidate admin password against the stored hash. */
  verifyAdminPassword(candidate: string): Promise<boolean> {
    return this.#deps.hasher.verify(candidate, this.get('security').adminPasswordHash);
  }

  /** Changes the admin password; weak passwords are refused with a reason. */
  async setAdminPassword(password: string): Promise<Result<void, CommonError>> {
    const weak = weakAdminPasswordReason(password, DEFAULT_ADMIN_PASSWORD);
    if (weak !== undefined) return err({ kind: 'invalid-input', message: weak });
    return this.#storePassword(password);
  }

  /**
   * Sets the admin password from the `--adminpassword` flag. The operator chose it explicitly,
   * so only emptiness is refused; the default-password warning tracks whether it is `abc123`.
   */
  async overrideAdminPassword(password: string): Promise<Result<void, CommonError>> {
    if (password === '') return err({ kind: 'invalid-input', message: 'the admin password must not be empty' });
    return this.#storePassword(password);
  }

  async #storePassword(password: string): Promise<Result<void, CommonError>> {
    const hash = await this.#deps.hasher.hash(password);
    const result = await this.update('security', { adminPasswordHash: hash, adminPasswordIsDefault: password === DEFAULT_ADMIN_PASSWORD });
    return result.ok ? ok(undefined) : result;
  }
}
